import { execFile } from 'node:child_process';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { readManifest } from './output-guard.ts';

/**
 * Remove a folder Onus wrote: an output it replaced, once swapped out, or a new one it did not
 * use. A rebuilt library has 43,000 files and folders to remove: Node's removal takes 0.6 s of
 * them, the system's `rm` 0.4 s, and two `rm` side by side, each on half of the folder, 0.23 s.
 * Where there is no `rm` (Windows), or it leaves anything, Node removes the rest.
 */
export async function removeOutputFolder(folder: string): Promise<void> {
  if (process.platform !== 'win32') {
    const halves = await halvesOf(folder);
    await Promise.all(halves.map((half) => systemRemove(folder, half)));
  }
  await rm(folder, { recursive: true, force: true, maxRetries: 5 });
}

/**
 * The folder's top entries (relative) in two groups of about the same number of files, by its
 * manifest; an entry holding most of them (a single model's `activities/`) is split by its own.
 */
async function halvesOf(folder: string): Promise<string[][]> {
  const top = await readdir(folder).catch(() => [] as string[]);
  const weights = await filesPerEntry(folder);
  const weight = (entry: string) => weights.get(entry) ?? 1;
  const total = top.reduce((sum, entry) => sum + weight(entry), 0);
  const heaviest = top.reduce<string | undefined>(
    (best, entry) => (best === undefined || weight(entry) > weight(best) ? entry : best),
    undefined,
  );
  let entries = top.map((entry) => ({ path: entry, weight: weight(entry) }));
  if (heaviest !== undefined && weight(heaviest) * 2 > total) {
    const inside = await readdir(path.join(folder, heaviest)).catch(() => [] as string[]);
    const each = weight(heaviest) / Math.max(1, inside.length);
    entries = [
      ...entries.filter((entry) => entry.path !== heaviest),
      ...inside.map((entry) => ({ path: path.join(heaviest, entry), weight: each })),
    ];
  }
  const halves: { paths: string[]; weight: number }[] = [
    { paths: [], weight: 0 },
    { paths: [], weight: 0 },
  ];
  for (const entry of entries.sort((a, b) => b.weight - a.weight)) {
    const lighter = halves[0]!.weight <= halves[1]!.weight ? halves[0]! : halves[1]!;
    lighter.paths.push(entry.path);
    lighter.weight += entry.weight;
  }
  return halves.map((half) => half.paths).filter((paths) => paths.length > 0);
}

/** How many of the manifest's files lie under each top entry (none without a manifest). */
async function filesPerEntry(folder: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const file of (await readManifest(folder)) ?? []) {
    const entry = file.split('/')[0]!;
    counts.set(entry, (counts.get(entry) ?? 0) + 1);
  }
  return counts;
}

/** `rm -rf` on these paths inside `folder`; whatever it could not remove is left to Node. */
function systemRemove(folder: string, paths: string[]): Promise<void> {
  return new Promise((resolve) => {
    execFile('rm', ['-rf', '--', ...paths], { cwd: folder }, () => resolve());
  });
}
