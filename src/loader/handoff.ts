import type { ModelRelease } from '../diff/history.ts';
import type { Model } from '../model/index.ts';
import type { ParseResult } from '../readers/index.ts';

/**
 * `onus build` parses the models before Astro starts, to print their diagnostics; the site then
 * needs the same parses. The two run in one process but load the parser as two module
 * instances (Node's and Vite's), so what the CLI read is handed over through global symbols.
 */
const KEY = Symbol.for('onus.parsedModels');
const LIBRARY = Symbol.for('onus.checkedLibrary');

interface Parsed {
  bytes: Uint8Array;
  /** Pending while the CLI still parses (on another thread, as Astro starts). */
  result: Promise<ParseResult>;
}

/** The models of a build, checked together, in the content folder's order. */
export interface CheckedLibrary {
  /** Names this content for what is built aside from it (the search index). */
  digest: string;
  models: readonly Model[];
  /** Each model's earlier releases, oldest first (`--history`). */
  histories?: ReadonlyMap<string, readonly ModelRelease[]>;
  /** The workbooks and OSCAL files are made on a thread of their own, not by the pages. */
  downloadsAside?: true;
}

const slot = globalThis as Record<symbol, unknown>;

const handedOver = (): Map<string, Parsed> =>
  (slot[KEY] ??= new Map<string, Parsed>()) as Map<string, Parsed>;

export function handOverParse(file: string, bytes: Uint8Array, result: Promise<ParseResult>): void {
  handedOver().set(file, { bytes, result });
}

/** The parse of exactly this file with exactly these bytes, when the CLI made it. */
export function takeOverParse(file: string, bytes: Uint8Array): Promise<ParseResult> | undefined {
  const parsed = handedOver().get(file);
  return parsed && Buffer.compare(parsed.bytes, bytes) === 0 ? parsed.result : undefined;
}

/**
 * The whole library, for a build run by the CLI: its pages read it here instead of through
 * Astro's content layer, whose sync (a Vite server of its own, the content config, the data
 * store) was half a second of every build. Undefined in the promise when a model has errors.
 */
export function handOverLibrary(library: Promise<CheckedLibrary | undefined>): void {
  slot[LIBRARY] = library;
}

export function takeOverLibrary(): Promise<CheckedLibrary | undefined> | undefined {
  return slot[LIBRARY] as Promise<CheckedLibrary | undefined> | undefined;
}
