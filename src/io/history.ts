import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { ModelRelease } from '../diff/history.ts';
import { hasErrors } from '../model/diagnostics.ts';
import type { Model } from '../model/index.ts';
import { loadFiles } from './files.ts';
import { fileAtRevision, git } from './git.ts';
import { gitFile, parseEach, readModelJson } from './releases.ts';

/** Each model's earlier releases, oldest first, by model id; or why they could not be read. */
export type ReadHistory =
  | {
      releases: Map<string, ModelRelease[]>;
      /** Releases of models the content folder does not publish: left out, and said so. */
      unmatched: string[];
    }
  | { error: string; problems?: VFile[] };

const byVersion = new Intl.Collator('en', { numeric: true, sensitivity: 'base' }).compare;

/**
 * The earlier releases of the published models: from a folder of them (model files or
 * model.json files, in subfolders as you like: `history/1.0/model.md`), or from `git`, the
 * model files as the repository's tags have them. Each release names its `version`; the
 * releases of a model are ordered by it, and the published model comes after them all.
 */
export async function readHistory(
  source: string,
  current: readonly Model[],
  files: readonly string[],
  cwd: string,
  /** Releases go to the model of their id even when one model is published (one of a library). */
  byId = false,
): Promise<ReadHistory> {
  const found = source === 'git' ? await fromGit(files, cwd) : await fromFolder(source, cwd);
  if ('error' in found) return found;
  const releases = new Map<string, ModelRelease[]>(current.map((model) => [model.id, []]));
  const unmatched: string[] = [];
  for (const { model, date, shown } of found.releases) {
    // A site of one model: every release is that model's, whatever its file was called.
    const id = current.length === 1 && !byId ? current[0]!.id : model.id;
    const list = releases.get(id);
    if (!list) {
      // Exporting one model of a library (`--model`), the others' releases are not its.
      if (!byId) unmatched.push(`${shown} (model \`${id}\`)`);
      continue;
    }
    if (model.version === undefined) {
      return {
        error: `Unexpected release \`${shown}\` without a version, expected \`version:\` in its frontmatter: a history orders releases by it`,
      };
    }
    const reviewed = model.reviewed ?? date;
    list.push({
      model: { ...model, id },
      version: model.version,
      ...(reviewed && { date: reviewed }),
    });
  }
  for (const model of current) {
    const list = releases.get(model.id)!.sort((a, b) => byVersion(a.version, b.version));
    if (list.length === 0) continue;
    if (model.version === undefined) {
      return {
        error: `Unexpected model \`${model.id}\` without a version, while its history has releases: give it \`version:\` in its frontmatter, after ${list.at(-1)!.version}`,
      };
    }
    const versions = [...list.map((release) => release.version), model.version];
    const twice = versions.find((version, index) => versions.indexOf(version) !== index);
    if (twice !== undefined) {
      return {
        error: `Unexpected two releases of \`${model.id}\` with version ${twice}, expected each release to have its own version`,
      };
    }
  }
  return { releases, unmatched };
}

interface FoundRelease {
  model: Model;
  date?: string;
  shown: string;
}

async function fromFolder(
  source: string,
  cwd: string,
): Promise<{ releases: FoundRelease[] } | { error: string; problems?: VFile[] }> {
  const folder = path.resolve(cwd, source);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) {
    return {
      error: `Unexpected history \`${source}\`, expected a folder of earlier releases or \`git\``,
    };
  }
  const entries = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter(
      (entry) =>
        entry.isFile() &&
        (entry.name === 'model.json' ||
          (entry.name.toLowerCase().endsWith('.md') && entry.name.toLowerCase() !== 'readme.md')),
    )
    .map((entry) => path.relative(cwd, path.join(entry.parentPath, entry.name)))
    .sort();
  if (entries.length === 0) {
    return {
      error: `Unexpected history \`${source}\` without releases, expected model files or model.json files in it`,
    };
  }
  // The model files parse on one thread, each on its own: releases of one model share its id.
  const markdown = entries.filter((file) => !file.endsWith('model.json'));
  const parsed = new Map(
    (await parseEach(await loadFiles(markdown, cwd), cwd)).map((result, index) => [
      markdown[index]!,
      result,
    ]),
  );
  const releases: FoundRelease[] = [];
  for (const file of entries) {
    const result = parsed.get(file);
    if (result) {
      if (!result.model || hasErrors(result.file)) return withErrors(file, result.file);
      releases.push({ model: result.model, shown: file });
      continue;
    }
    const read = await readModelJson(path.resolve(cwd, file), file);
    if ('error' in read) return read;
    if ('models' in read) releases.push(...read.models.map((model) => ({ model, shown: file })));
  }
  return { releases };
}

const withErrors = (shown: string, file: VFile) => ({
  error: `Unexpected release \`${shown}\` with errors`,
  problems: [file],
});

/** Each model file as each tag of the repository has it, dated by the tag. */
async function fromGit(
  files: readonly string[],
  cwd: string,
): Promise<{ releases: FoundRelease[] } | { error: string; problems?: VFile[] }> {
  const tags = await git(
    ['tag', '--list', '--sort=creatordate', '--format=%(refname:short)%09%(creatordate:short)'],
    cwd,
  );
  if ('error' in tags) return { error: `Unexpected history from git: ${tags.error}` };
  const found: Array<{ file: VFile; date?: string }> = [];
  for (const line of tags.output.toString().split('\n').filter(Boolean)) {
    const [tag, date] = line.split('\t') as [string, string | undefined];
    for (const file of files) {
      const relative = path.relative(cwd, file).split(path.sep).join('/');
      const given = `git:${tag}:${relative}`;
      const at = await fileAtRevision(tag, relative, cwd);
      // A tag from before the model existed, or that has a folder there, has no release of it.
      if ('missing' in at) continue;
      if ('error' in at) return { error: `Unexpected \`${given}\`: ${at.error}` };
      found.push({ file: gitFile(given, relative, cwd, at.bytes), ...(date && { date }) });
    }
  }
  const parsed = await parseEach(
    found.map(({ file }) => file),
    cwd,
  );
  const releases: FoundRelease[] = [];
  for (const [index, { model, file }] of parsed.entries()) {
    if (!model || hasErrors(file)) return withErrors(String(file.path), file);
    const { date } = found[index]!;
    releases.push({ model, shown: String(file.path), ...(date && { date }) });
  }
  return { releases };
}
