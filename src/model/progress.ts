/**
 * Where a parse has got to, for the thread that waits on it: when a parse runs past its time
 * or memory, the error points near the line it had reached. The waiting thread installs a
 * `ProgressCell` on this global symbol; without one, reporting progress costs one lookup.
 */
export const PROGRESS = Symbol.for('onus.parseProgress');

export interface ProgressCell {
  /** Shared with the waiting thread: one slot per thread parsing a part of the file. */
  cells: Int32Array;
  slot: number;
  /** Lines before the part this thread parses. */
  lineOffset: number;
}

export function reportProgress(line: number | undefined): void {
  const cell = (globalThis as Record<symbol, ProgressCell | undefined>)[PROGRESS];
  if (cell && line !== undefined) Atomics.store(cell.cells, cell.slot, cell.lineOffset + line);
}
