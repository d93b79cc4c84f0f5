import { execFile } from 'node:child_process';
import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { readManifest } from './output-guard.ts';

/**
 * Remove a folder Onus wrote: an output it replaced, once swapped out and checked against its
 * manifest, or a new one it did not use. A rebuilt library has 43,000 files and folders to
 * remove: Node's removal takes 0.6 s of them, the system's `rm` 0.4 s, and two `rm` side by
 * side, each on half of the folder, 0.23 s. Neither follows a symbolic link or enters another
 * file system; what `rm` leaves (or all of it, off Linux, whose GNU `rm` alone stays on one
 * file system) is removed here the same way. Resolves with why something could not be removed, or undefined once it is gone.
 */
export async function removeOutputFolder(folder: string): Promise<string | undefined> {
  const info = await lstat(folder).catch(() => undefined);
  if (!info) return undefined;
  if (!info.isDirectory()) return `\`${folder}\` is not a folder`;
  if (process.platform === 'linux') {
    const halves = await halvesOf(folder);
    await Promise.all(halves.map((half) => systemRemove(folder, half)));
  }
  return removeTree(folder, info.dev);
}

/**
 * The folder's top entries (relative) in two groups of about the same number of files, by its
 * manifest; an entry holding most of them (a single model's `activities/`) is split by its own,
 * when it is a folder and not a link to one.
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
  const splittable =
    heaviest !== undefined &&
    weight(heaviest) * 2 > total &&
    (await lstat(path.join(folder, heaviest)).catch(() => undefined))?.isDirectory();
  if (splittable) {
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

/**
 * `rm -rf` on these paths inside `folder`, staying on its file system; whatever it could not
 * remove is left to removeTree.
 */
function systemRemove(folder: string, paths: string[]): Promise<void> {
  return new Promise((resolve) => {
    execFile('rm', ['-rf', '--one-file-system', '--', ...paths], { cwd: folder }, () => resolve());
  });
}

/**
 * Remove `folder` depth first: files and links unlinked (a link, never what it points to),
 * folders once emptied; a folder on another file system (`device`) is left, with its parents.
 */
async function removeTree(folder: string, device: number): Promise<string | undefined> {
  let problem: string | undefined;
  const note = (error: unknown, at: string) => {
    problem ??= `${(error as NodeJS.ErrnoException).code ?? (error as Error).message} at \`${at}\``;
  };
  const remove = async (at: string): Promise<void> => {
    const entries = await readdir(at, { withFileTypes: true }).catch((error) => {
      note(error, at);
      return [];
    });
    for (const entry of entries) {
      const inside = path.join(at, entry.name);
      if (!entry.isDirectory()) {
        await unlink(inside).catch((error) => note(error, inside));
      } else if ((await lstat(inside).catch(() => undefined))?.dev !== device) {
        problem ??= `\`${inside}\` is on another file system`;
      } else {
        await remove(inside);
      }
    }
    await rmdir(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') note(error, at);
    });
  };
  await remove(folder);
  return problem;
}
