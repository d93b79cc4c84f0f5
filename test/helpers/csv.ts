/** A small RFC 4180 reader, to check the writer against the grammar rather than against itself. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') ((field += '"'), index++);
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') (row.push(field), (field = ''));
    else if (char === '\r' && text[index + 1] === '\n')
      (row.push(field), rows.push(row), (row = []), (field = ''), index++);
    else field += char;
  }
  return rows;
}
