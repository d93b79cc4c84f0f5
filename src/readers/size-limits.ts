import type { VFile } from 'vfile';
import { report } from '../model/diagnostics.ts';
import { LIMITS } from '../markdown/limits.ts';
import type { Activity, Context, Position } from '../model/schema.ts';

/**
 * Limits on what the published site repeats, checked on the model once it is read: a small
 * file can still ask for a large site. The matrix has a cell per activity and column (party or
 * context), each mark in it names a party (and its contexts); a condition's text is published
 * with each cell that cites it (CSV, JSON, pages). Within these, every output grows linearly.
 */
export function checkSiteSize(
  file: VFile,
  matrix: { position: Position },
  parties: number,
  contexts: readonly Context[],
  activities: readonly Activity[],
): void {
  const columns = contexts.length > 0 ? contexts.length : parties;
  const cells = activities.length * columns;
  if (cells > LIMITS.matrixCells) {
    report(
      file,
      'input-limit',
      `Unexpected matrix of ${count(activities.length)} activities by ${count(columns)} ${contexts.length > 0 ? 'contexts' : 'parties'} (${count(cells)} cells), expected at most ${count(LIMITS.matrixCells)} cells: split the model into several files`,
      matrix.position,
    );
    return;
  }
  let marks = 0;
  let conditions = 0;
  for (const activity of activities) {
    for (const assignment of activity.assignments) {
      // A mark in each context it is held in, naming each of them on the party's pages.
      const held = assignment.contexts ?? activity.contexts ?? contexts;
      marks += Math.max(1, held.length);
      if (marks > LIMITS.matrixMarks) {
        report(
          file,
          'input-limit',
          `Unexpected more than ${count(LIMITS.matrixMarks)} marks in the matrix by this one (a party's level in a context counts once per context), expected at most ${count(LIMITS.matrixMarks)}: split the model into several files`,
          assignment.position,
        );
        return;
      }
      conditions += assignment.condition?.length ?? 0;
      for (const footnote of assignment.footnotes ?? []) conditions += footnote.text.length;
      if (conditions > LIMITS.conditionCharacters) {
        report(
          file,
          'input-limit',
          `Unexpected conditions and footnotes of more than ${count(LIMITS.conditionCharacters)} characters by this one, counting a footnote once per cell that cites it, expected at most ${count(LIMITS.conditionCharacters)}: shorten the footnote, or cite it in fewer cells and say the rest in a note`,
          assignment.position,
        );
        return;
      }
    }
  }
}

const count = (value: number) => value.toLocaleString('en');
