import type { ParseResult } from '../readers/index.ts';

/**
 * `onus build` parses the models before Astro starts, to print their diagnostics; the loader
 * then needs the same parses. The two run in one process but load the parser as two module
 * instances (Node's and Vite's), so the parses are handed over through a global symbol.
 */
const KEY = Symbol.for('onus.parsedModels');

interface Parsed {
  bytes: Uint8Array;
  /** Pending while the CLI still parses (on another thread, as Astro starts). */
  result: Promise<ParseResult>;
}

const handedOver = (): Map<string, Parsed> => {
  const global = globalThis as Record<symbol, Map<string, Parsed> | undefined>;
  return (global[KEY] ??= new Map());
};

export function handOverParse(file: string, bytes: Uint8Array, result: Promise<ParseResult>): void {
  handedOver().set(file, { bytes, result });
}

/** The parse of exactly this file with exactly these bytes, when the CLI made it. */
export function takeOverParse(file: string, bytes: Uint8Array): Promise<ParseResult> | undefined {
  const parsed = handedOver().get(file);
  return parsed && Buffer.compare(parsed.bytes, bytes) === 0 ? parsed.result : undefined;
}
