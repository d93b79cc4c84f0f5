/**
 * Where a parse has got to, for the thread that waits on it: when a parse runs past its time
 * or memory, the error points near the line it had reached. The waiting thread installs an
 * Int32Array on this global symbol; without one, reporting progress costs one lookup.
 */
export const PROGRESS = Symbol.for('onus.parseProgress');

/** Lines before the part of the document being parsed, when it is parsed in parts. */
let linesBefore = 0;

export function setLinesBefore(lines: number): void {
  linesBefore = lines;
}

export function reportProgress(line: number | undefined): void {
  const cell = (globalThis as Record<symbol, Int32Array | undefined>)[PROGRESS];
  if (cell && line !== undefined) Atomics.store(cell, 0, linesBefore + line);
}
