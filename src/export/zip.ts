import { zipSync, type Zippable } from 'fflate';

/** Every entry gets this time, so the same files always give the same bytes. */
export const FIXED_TIME = new Date('1980-01-01T00:00:00Z');

/** A zip of files under one folder name, with entries sorted and timestamps fixed: deterministic. */
export function deterministicZip(
  folder: string,
  files: ReadonlyMap<string, Uint8Array>,
): Uint8Array {
  const entries: Zippable = {};
  for (const name of [...files.keys()].sort()) {
    entries[`${folder}/${name}`] = [files.get(name)!, { mtime: FIXED_TIME, level: 9 }];
  }
  return zipSync(entries, { mtime: FIXED_TIME });
}
