import { readFileSync, type Dirent } from 'node:fs';
import { lstat, readdir, readFile, realpath } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { listFolder } from './folder-listing.ts';
import { PROJECT_ROOT } from './project-root.ts';

/**
 * Onus replaces an output folder only when it is sure the folder is its own. Every output it
 * writes carries this manifest of what it wrote; a folder that holds anything else is refused.
 */
export const MANIFEST = '.onus-output.json';

/** An output folder Onus will not replace: the message says which and why; nothing was touched. */
export class OutputRefused extends Error {}

export interface OutputRules {
  /** The content folder being published (absolute). */
  content: string;
  /** The folder the command ran from (absolute). */
  cwd: string;
}

/** The folder to replace: the real path behind `--out` (a symbolic link stays, its target is replaced). */
export interface ClaimedOutput {
  path: string;
  /** What the user named, for messages. */
  shown: string;
  exists: boolean;
}

/** The installation's own folders, where an output would change Onus itself. */
const INSTALLATION_FOLDERS = ['src', 'lib', 'public', 'bin', 'node_modules', '.git', 'scripts'];

/**
 * Decide whether `--out` may be replaced, before any work: it may when it does not exist, is an
 * empty folder, or holds nothing but what an earlier Onus run wrote (its manifest says what;
 * what lies below its top is checked while the new output is made, see `foreignEntries`). Never a
 * file, the content folder, the Onus installation, the working folder, the home folder, a
 * folder holding any of them, or a folder inside the content folder.
 */
export async function claimOutput(
  given: string,
  shown: string,
  rules: OutputRules,
): Promise<ClaimedOutput> {
  const target = await realTarget(given, shown);
  const protectedFolders: [string, string][] = [
    [await real(rules.content), 'the content folder'],
    [await real(PROJECT_ROOT), 'the Onus installation'],
    [await real(rules.cwd), 'the folder onus runs in'],
    [await real(homedir()), 'your home folder'],
  ];
  for (const [folder, what] of protectedFolders) {
    if (target.path === folder || isInside(folder, target.path)) {
      const holds = target.path === folder ? 'is' : `holds \`${folder}\`,`;
      throw new OutputRefused(
        `Unexpected output folder \`${shown}\`: it ${holds} ${what}, expected a folder of its own for the site`,
      );
    }
  }
  const content = protectedFolders[0]![0];
  if (isInside(target.path, content)) {
    throw new OutputRefused(
      `Unexpected output folder \`${shown}\` inside the content folder \`${content}\`, expected a folder outside it`,
    );
  }
  const installation = protectedFolders[1]![0];
  for (const folder of INSTALLATION_FOLDERS) {
    const own = path.join(installation, folder);
    if (target.path === own || isInside(target.path, own)) {
      throw new OutputRefused(
        `Unexpected output folder \`${shown}\` inside the Onus installation's \`${folder}/\`, expected a folder of its own for the site`,
      );
    }
  }
  if (target.exists) await checkOwnership(target.path, shown);
  return target;
}

/**
 * Just before the swap: the claimed folder must still be a folder that Onus may replace. What
 * changes during a build is at its top (a `CNAME` added, the folder filled by another tool):
 * that is checked again, after its whole tree (`foreignEntries`).
 */
export async function recheckOutput(target: ClaimedOutput): Promise<void> {
  await describe(target.path, target.shown);
  const entries = await readdir(target.path, { withFileTypes: true });
  const top = entries.map((entry) => entry.name);
  if (top.length === 0) return;
  const manifest = top.includes(MANIFEST) ? await readManifest(target.path) : undefined;
  const foreign = foreignAtTop(entries, manifest);
  if (!manifest || foreign.length > 0) {
    throw new OutputRefused(
      `Unexpected files in the output folder \`${target.shown}\` that Onus did not write (${sample(foreign.length > 0 ? foreign : top)}), written while the site was built: move them away, or choose another --out`,
    );
  }
}

async function realTarget(given: string, shown: string): Promise<ClaimedOutput> {
  const info = await lstat(given).catch(() => undefined);
  if (!info)
    return {
      path: path.join(await real(path.dirname(given)), path.basename(given)),
      shown,
      exists: false,
    };
  if (info.isSymbolicLink()) {
    const resolved = await realpath(given).catch(() => undefined);
    if (!resolved) {
      throw new OutputRefused(
        `Unexpected output \`${shown}\`: a symbolic link to a folder that does not exist, expected it to point at a folder`,
      );
    }
    return describe(resolved, shown);
  }
  return describe(await realpath(given), shown);
}

async function describe(resolved: string, shown: string): Promise<ClaimedOutput> {
  const info = await lstat(resolved);
  if (!info.isDirectory()) {
    throw new OutputRefused(
      `Unexpected output \`${shown}\`: it is a file, expected a folder (Onus never replaces a file with a folder)`,
    );
  }
  return { path: resolved, shown, exists: true };
}

/** The real path of a folder, or of the deepest part of it that exists (the rest appended). */
async function real(folder: string): Promise<string> {
  const resolved = path.resolve(folder);
  try {
    return await realpath(resolved);
  } catch {
    const parent = path.dirname(resolved);
    return parent === resolved ? resolved : path.join(await real(parent), path.basename(resolved));
  }
}

/** Whether `inner` lies strictly inside `outer`. */
function isInside(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/**
 * Refuse a folder that is not an earlier output of Onus: one without its manifest, or with
 * anything at its top that the manifest does not list. The rest of its tree is checked while
 * the new output is made, and before it is replaced (`foreignEntries`).
 */
async function checkOwnership(folder: string, shown: string): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true });
  const top = entries.map((entry) => entry.name);
  if (top.length === 0) return;
  const manifest = top.includes(MANIFEST) ? await readManifest(folder) : undefined;
  if (!manifest) {
    throw new OutputRefused(
      `Unexpected output folder \`${shown}\` holding files Onus did not write (${sample(top.sort())}), ` +
        'expected a new or empty folder, or an earlier output of Onus: choose another --out, or empty it yourself',
    );
  }
  const foreign = foreignAtTop(entries, manifest).sort();
  if (foreign.length > 0) throw foreignRefusal(shown, foreign);
}

/**
 * The entries at an output's top that its manifest does not account for; a link, or anything
 * but a file or a folder, whatever the manifest says: Onus writes none.
 */
function foreignAtTop(top: readonly Dirent[], manifest: readonly string[] | undefined): string[] {
  const ours = new Set(manifest?.map((file) => file.split('/')[0]));
  return top
    .filter((entry) => entry.name !== MANIFEST)
    .filter((entry) => !ours.has(entry.name) || !(entry.isFile() || entry.isDirectory()))
    .map((entry) => entry.name);
}

/**
 * Everything under an earlier output that its manifest does not account for: files and folders
 * it does not list, and every symbolic link, mount point or other special entry, which Onus
 * never writes. Listing a large site takes a while (0.12–0.15 s for a library's 43,000 entries).
 */
export function foreignEntries(folder: string): string[] {
  const manifest = readManifestSync(folder);
  const { files, folders, others } = listFolder(folder);
  if (!manifest) return [...folders, ...files.filter((file) => file !== MANIFEST), ...others];
  // The manifest lists files; the folders holding them are Onus's too.
  const ours = new Set(manifest);
  for (const file of manifest) {
    for (let slash = file.indexOf('/'); slash !== -1; slash = file.indexOf('/', slash + 1)) {
      ours.add(file.slice(0, slash + 1));
    }
  }
  return [
    ...folders.filter((entry) => !ours.has(entry)),
    ...files.filter((entry) => entry !== MANIFEST && !ours.has(entry)),
    ...others,
  ].sort();
}

export function foreignRefusal(shown: string, foreign: string[]): OutputRefused {
  return new OutputRefused(
    `Unexpected files in the output folder \`${shown}\` that Onus did not write (${sample(foreign)}), ` +
      'expected only what an earlier run wrote there: move them away, or choose another --out',
  );
}

function sample(entries: string[]): string {
  const shown = entries.slice(0, 3).map((entry) => `\`${entry}\``);
  return entries.length > 3
    ? `${shown.join(', ')} and ${entries.length - 3} more`
    : shown.join(', ');
}

/** The files an output's manifest lists, or undefined when it has none Onus wrote. */
export async function readManifest(folder: string): Promise<string[] | undefined> {
  return manifestFiles(await readFile(path.join(folder, MANIFEST), 'utf8').catch(() => ''));
}

function readManifestSync(folder: string): string[] | undefined {
  try {
    return manifestFiles(readFileSync(path.join(folder, MANIFEST), 'utf8'));
  } catch {
    return undefined;
  }
}

function manifestFiles(text: string): string[] | undefined {
  try {
    const data = JSON.parse(text) as unknown;
    const files = (data as { generator?: unknown; files?: unknown }).files;
    if ((data as { generator?: unknown }).generator !== 'onus' || !Array.isArray(files))
      return undefined;
    // A manifest is Onus's only when every entry is a plain path inside the folder: one naming
    // `..`, an absolute path or an empty part could make a folder elsewhere look like Onus's.
    if (!files.every(isPlainRelativePath)) return undefined;
    return files as string[];
  } catch {
    return undefined;
  }
}

function isPlainRelativePath(file: unknown): boolean {
  return (
    typeof file === 'string' &&
    file !== '' &&
    !file.includes('\\') &&
    !file.includes('\0') &&
    file.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
  );
}

/** The manifest of a finished output: what Onus wrote, so a later run may replace it. */
export function manifestOf(folder: string): string {
  const files = listFolder(folder).files.filter((entry) => entry !== MANIFEST);
  return `${JSON.stringify(
    {
      generator: 'onus',
      about:
        'Written by Onus. Onus replaces this folder only while it holds nothing but these files.',
      files,
    },
    null,
    1,
  )}\n`;
}
