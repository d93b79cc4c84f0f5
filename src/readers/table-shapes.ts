import type { Table, TableCell, TableRow } from 'mdast';
import { plainText } from '../markdown/markdown.ts';
import type { MatrixContext } from './matrix-context.ts';
import { isGridHeader } from './grid-columns.ts';

/**
 * A table written the other way round — the parties as rows, the activities as columns, as a
 * RACI chart per organisation model is (the Cloud Adoption Framework's) — turned to a grid's
 * shape, a row per activity and a column per party, before it is read. Its cells, and where
 * they stand in the file, are unchanged. Any other table is returned as it is.
 */
export function asGrid(context: MatrixContext, table: Table): Table {
  const [header, ...rows] = table.children;
  if (!header || rows.length === 0 || header.children.length < 2) return table;
  // No header cell past the first names a party, a context or a grid column of its own…
  const heads = header.children.slice(1).map((cell) => plainText(cell));
  const namesColumns = (text: string) =>
    context.parties.findInHeader(text) !== undefined ||
    context.contexts.findInHeader(text) !== undefined ||
    isGridHeader(text);
  if (heads.some(namesColumns)) return table;
  // …and every row starts with a party's name.
  const parties = rows.map((row) => row.children[0]);
  if (!parties.every((cell) => cell && context.parties.find(plainText(cell)) !== undefined)) {
    return table;
  }
  const empty = (near: TableCell | undefined): TableCell => ({
    type: 'tableCell',
    children: [],
    ...(near?.position && { position: near.position }),
  });
  const first = header.children[0]!;
  const title: TableCell = {
    type: 'tableCell',
    children: [{ type: 'text', value: 'Activity' }],
    ...(first.position && { position: first.position }),
  };
  const turned: TableRow[] = header.children.slice(1).map((activity, column) => ({
    type: 'tableRow',
    children: [activity, ...rows.map((row) => row.children[column + 1] ?? empty(row.children[0]))],
    ...(activity.position && { position: activity.position }),
  }));
  return {
    ...table,
    align: [],
    children: [{ ...header, children: [title, ...(parties as TableCell[])] }, ...turned],
  };
}
