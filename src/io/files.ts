import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { VFile } from 'vfile';
import { tooLarge } from '../model/decode.ts';
import { report } from '../model/diagnostics.ts';
import { LIMITS } from '../model/limits.ts';

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
      const found = await findMarkdown(absolute);
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
  try {
    return new VFile({ path: path.relative(cwd, absolute), cwd, value: await readFile(absolute) });
  } catch (error) {
    return unreadable(absolute, cwd, describeFsError(error as NodeJS.ErrnoException, absolute));
  }
}

async function findMarkdown(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.') || SKIPPED_DIRECTORIES.has(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) found.push(...(await findMarkdown(full)));
    else if (entry.name.toLowerCase().endsWith('.md') && (await isFile(entry, full))) {
      found.push(full);
    }
  }
  return found;
}

/** A file, or a symbolic link to one (links to folders are not followed: they could loop). */
async function isFile(entry: Dirent, full: string): Promise<boolean> {
  if (entry.isFile()) return true;
  if (!entry.isSymbolicLink()) return false;
  return (await stat(full).catch(() => undefined))?.isFile() ?? false;
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

export type ModelFileLookup = { path: string } | { error: string };

/** A site publishes one model: the one `*.md` file at the top of its content folder. */
export async function findModelFile(
  directory: string,
  shownAs = directory,
): Promise<ModelFileLookup> {
  const entries = await readdir(directory, { withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => error,
  );
  if (entries instanceof Error) return { error: describeFsError(entries, shownAs) };
  const models: string[] = [];
  for (const entry of entries) {
    if (!entry.name.toLowerCase().endsWith('.md') || entry.name.startsWith('.')) continue;
    if (await isFile(entry, path.join(directory, entry.name))) models.push(entry.name);
  }
  models.sort();
  if (models.length === 1) return { path: path.join(directory, models[0]!) };
  if (models.length === 0) {
    return {
      error: `Unexpected folder \`${shownAs}\` without a model, expected one SRM Markdown file (\`*.md\`) in it`,
    };
  }
  return {
    error: `Unexpected ${models.length} model files in \`${shownAs}\` (${models.map((name) => `\`${name}\``).join(', ')}), expected one: a site publishes one model`,
  };
}
