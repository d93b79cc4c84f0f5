import type { Dirent, Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { tooLarge } from '../markdown/decode.ts';
import { report } from '../model/diagnostics.ts';
import { slugify } from '../model/ids.ts';
import { LIMITS } from '../markdown/limits.ts';

const SKIPPED_DIRECTORIES = new Set(['node_modules']);

/**
 * The SRM Markdown files named by the arguments (files, or folders searched for `*.md`), read
 * as bytes so the parser can tell text from binary. A path that cannot be read becomes a file
 * carrying an error, so it is reported like any other problem.
 */
export async function loadFiles(paths: readonly string[], cwd: string): Promise<VFile[]> {
  const files: VFile[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    const info = await stat(absolute).catch((error: NodeJS.ErrnoException) => error);
    if (info instanceof Error) {
      files.push(unreadable(absolute, cwd, describeFsError(info, given)));
    } else if (info.isDirectory()) {
      const found = (await findMarkdown(absolute)).filter(isModelFile);
      if (found.length === 0) {
        files.push(
          unreadable(
            absolute,
            cwd,
            `Unexpected folder \`${given}\` without Markdown files, expected \`*.md\` files in it`,
          ),
        );
      }
      for (const file of found) {
        const loaded = await read(file, cwd);
        loaded.data.source = path.relative(absolute, file).split(path.sep).join('/');
        files.push(loaded);
      }
    } else if (!info.isFile()) {
      files.push(unreadable(absolute, cwd, notAFile(path.relative(cwd, absolute), info)));
    } else if (info.size > LIMITS.fileBytes) {
      // Not even read: a file past the limit is refused at once, whatever its size.
      const file = new VFile({ path: path.relative(cwd, absolute), cwd });
      report(file, 'input-limit', tooLarge(info.size), { line: 1, column: 1 });
      files.push(file);
    } else {
      files.push(await read(absolute, cwd));
    }
  }
  return files;
}

async function read(absolute: string, cwd: string): Promise<VFile> {
  // A FIFO or a device named `*.md` would be read for ever: only a file is read.
  const info = await stat(absolute).catch(() => undefined);
  if (info && !info.isFile()) {
    return unreadable(absolute, cwd, notAFile(path.relative(cwd, absolute), info));
  }
  try {
    return new VFile({ path: path.relative(cwd, absolute), cwd, value: await readFile(absolute) });
  } catch (error) {
    return unreadable(absolute, cwd, describeFsError(error as NodeJS.ErrnoException, absolute));
  }
}

/**
 * The `*.md` entries under `directory`, in path order: files, links to them, and anything else
 * so named (a FIFO, a device), which reading then reports. A link to a folder is followed once:
 * a folder already searched (a link to `..`) is not searched again.
 */
async function findMarkdown(directory: string, searched = new Set<string>()): Promise<string[]> {
  const real = await realpath(directory).catch(() => directory);
  if (searched.has(real)) return [];
  searched.add(real);
  const entries = await readdir(directory, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (await isFolder(entry, full)) found.push(...(await findMarkdown(full, searched)));
    else if (entry.name.toLowerCase().endsWith('.md')) found.push(full);
  }
  return found;
}

async function isFolder(entry: Dirent, full: string): Promise<boolean> {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  return (await stat(full).catch(() => undefined))?.isDirectory() ?? false;
}

/** `README.md` files describe their folder; every other `*.md` file is a model. */
const isModelFile = (file: string) => path.basename(file).toLowerCase() !== 'readme.md';

function notAFile(given: string, info: Stats): string {
  const what = info.isFIFO()
    ? 'a FIFO'
    : info.isSocket()
      ? 'a socket'
      : info.isCharacterDevice() || info.isBlockDevice()
        ? 'a device'
        : 'not a file';
  return `Unexpected \`${given}\`: ${what}, expected an SRM Markdown file`;
}

function unreadable(absolute: string, cwd: string, reason: string): VFile {
  const file = new VFile({ path: path.relative(cwd, absolute) || '.', cwd });
  report(file, 'input-unreadable', reason, { line: 1, column: 1 });
  return file;
}

function describeFsError(error: NodeJS.ErrnoException, given: string): string {
  switch (error.code) {
    case 'ENOENT':
      return `Unexpected missing file \`${given}\`${path.isAbsolute(given) ? '' : ` (looked for ${path.resolve(given)})`}, expected an SRM Markdown file or a folder of them`;
    case 'EACCES':
    case 'EPERM':
      return `Unexpected unreadable file \`${given}\` (permission denied), expected a readable file`;
    case 'EISDIR':
      return `Unexpected folder \`${given}\`, expected a file`;
    default:
      return `Unexpected error reading \`${given}\` (${error.code ?? error.message}), expected a readable file`;
  }
}

export type ModelFilesLookup = { paths: string[] } | { error: string };

/**
 * A site publishes the models in its content folder: every `*.md` file in it or in its
 * subfolders, in path order — except `README.md` files, which describe the folder. One file
 * makes the site of one model; several, a library.
 */
export async function findModelFiles(
  directory: string,
  shownAs = directory,
  /** Only the model of this id (its file name's slug), when given. */
  only?: string,
): Promise<ModelFilesLookup> {
  const info = await stat(directory).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) return { error: describeFsError(info, shownAs) };
  if (!info.isDirectory()) {
    return { error: `Unexpected file \`${shownAs}\`, expected a folder of SRM Markdown files` };
  }
  const paths = (await findMarkdown(directory)).filter(isModelFile);
  if (paths.length === 0) {
    return {
      error: `Unexpected folder \`${shownAs}\` without a model, expected an SRM Markdown file (\`*.md\`) in it or in its subfolders`,
    };
  }
  if (only === undefined) return { paths };
  const chosen = paths.filter((file) => modelIdOf(file) === only);
  if (chosen.length === 0) {
    return {
      error: `Unexpected model \`${only}\`, expected the id of a model in \`${shownAs}\`: ${paths.map((file) => `\`${modelIdOf(file)}\``).join(', ')}`,
    };
  }
  return { paths: chosen };
}

/** A model's id, as the parser derives it from its file's name. */
function modelIdOf(file: string): string {
  return slugify(path.basename(file, path.extname(file))) || 'model';
}
