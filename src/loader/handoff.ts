import type { ParseResult } from '../model/index.ts';

/**
 * `onus build` parses the model before Astro starts, to print its diagnostics; the loader
 * then needs the same parse. The two run in one process but load the parser as two module
 * instances (Node's and Vite's), so the parse is handed over through a global symbol.
 */
const KEY = Symbol.for('onus.parsedModel');

interface Parsed {
  file: string;
  bytes: Uint8Array;
  /** Pending while the CLI still parses (on another thread, as Astro starts). */
  result: Promise<ParseResult>;
}

export function handOverParse(file: string, bytes: Uint8Array, result: Promise<ParseResult>): void {
  (globalThis as Record<symbol, Parsed | undefined>)[KEY] = { file, bytes, result };
}

/** The parse of exactly this file with exactly these bytes, when the CLI made it. */
export function takeOverParse(file: string, bytes: Uint8Array): Promise<ParseResult> | undefined {
  const parsed = (globalThis as Record<symbol, Parsed | undefined>)[KEY];
  return parsed && parsed.file === file && Buffer.compare(parsed.bytes, bytes) === 0
    ? parsed.result
    : undefined;
}
