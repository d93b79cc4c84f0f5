import path from 'node:path';
import type { VFile } from 'vfile';
import { findModelFiles, loadFiles } from '../io/files.ts';
import { claimOutput, OutputRefused, type ClaimedOutput } from '../io/output-guard.ts';
import { handOverParse } from '../loader/handoff.ts';
import { hasErrors } from '../model/diagnostics.ts';
import { checkLibrary } from '../model/library.ts';
import type { Model } from '../model/index.ts';
import { ENV } from '../site/config.ts';
import type { LinkMode } from '../site/links.ts';
import { UsageError, type Io } from './io.ts';
import { formatReport, printable } from './printable.ts';
import { ParseWorker } from '../io/parse-in-worker.ts';
import type { ModelRelease } from '../diff/history.ts';
import { readHistory } from '../io/history.ts';

export { PROJECT_ROOT } from '../io/project-root.ts';

export interface PreparedContent {
  directory: string;
  files: string[];
  /**
   * The models once parsed and checked together (their diagnostics printed by then), in path
   * order; undefined when one has errors.
   */
  models: Promise<Model[] | undefined>;
  /** Stop reading the models, whose diagnostics will not be printed (the output was refused). */
  abandon(): void;
  /** The files with diagnostics once checked, as printed. */
  reports: Promise<VFile[]>;
}

/**
 * Find the models in a content folder and start checking them: on another thread, so that
 * Astro can start meanwhile, and handed over to the loader, which waits for them. Their
 * diagnostics are printed as soon as they are known — never as a build's stack trace — and a
 * model with errors fails the build before any page is written.
 */
export async function prepareContent(
  content: string,
  io: Io,
  /** Only this model of the folder (`onus export --model`). */
  only?: string,
): Promise<PreparedContent | undefined> {
  const directory = path.resolve(io.cwd, content);
  const found = await findModelFiles(directory, content, only);
  if ('error' in found) {
    io.stderr(`onus: ${printable(found.error)}\n`);
    return undefined;
  }
  const loaded = await loadFiles(found.paths, io.cwd);
  const unreadable = loaded.filter((file) => !(file.value instanceof Uint8Array));
  if (unreadable.length > 0) {
    io.stderr(`${formatReport(unreadable, io.color)}\n`);
    return undefined;
  }
  const parser = new ParseWorker();
  const parses = loaded.map((file, index) =>
    parser.parse({
      path: file.path,
      cwd: io.cwd,
      bytes: file.value as Uint8Array,
      source: path.relative(directory, found.paths[index]!).split(path.sep).join('/'),
    }),
  );
  parser.close();
  const checked = Promise.all(parses).then((results) => {
    const entries = results.flatMap(({ model, file }) => (model ? [{ model, file }] : []));
    if (entries.length === results.length) checkLibrary(entries);
    return results;
  });
  found.paths.forEach((file, index) =>
    handOverParse(
      file,
      loaded[index]!.value as Uint8Array,
      checked.then((results) => results[index]!),
    ),
  );
  const reports = checked.then((results) =>
    results.map(({ file }) => file).filter((file) => file.messages.length > 0),
  );
  const models = Promise.all([checked, reports]).then(([results, files]) => {
    if (files.length > 0) io.stderr(`${formatReport(files, io.color)}\n`);
    return results.every(({ file }) => !hasErrors(file))
      ? results.map(({ model }) => model!)
      : undefined;
  });
  return { directory, files: found.paths, models, reports, abandon: () => parser.abandon() };
}

/** The environment the Astro build reads: where the content is, and that it was checked. */
export function astroEnvironment(
  directory: string,
  links: LinkMode = 'hosted',
  model?: string,
): void {
  // Vite lets these variables of the environment override what the config says (a test
  // runner sets BASE_URL, for one); the command's options must win.
  for (const name of ['BASE_URL', 'SITE', 'ASSETS_PREFIX']) delete process.env[name];
  process.env[ENV.content] = directory;
  if (model === undefined) delete process.env[ENV.model];
  else process.env[ENV.model] = model;
  process.env[ENV.links] = links;
  process.env[ENV.checked] = '1';
  // No request leaves the machine: Astro's telemetry is off for Onus's own runs.
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
}

/** `--site` must be an absolute http(s) URL: it makes canonical URLs and the sitemap. */
export function checkSiteUrl(site: string | undefined): string | undefined {
  if (site === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    throw new UsageError(
      `--site must be an absolute URL such as https://example.com, got \`${site}\``,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--site must be an http or https URL, got \`${site}\``);
  }
  return url.href;
}

/**
 * The output folder a command may replace, checked before any work; otherwise the refusal is
 * printed (nothing was touched) and the result is undefined.
 */
export async function claimOutputFolder(
  command: string,
  out: string,
  content: string,
  io: Io,
): Promise<ClaimedOutput | undefined> {
  const absolute = path.resolve(io.cwd, out);
  const shown = path.relative(io.cwd, absolute) || '.';
  try {
    return await claimOutput(absolute, shown, {
      content: path.resolve(io.cwd, content),
      cwd: io.cwd,
    });
  } catch (error) {
    if (!reportRefusal(command, error, io)) throw error;
    return undefined;
  }
}

/**
 * Say why the output folder was refused, when that is the error: at the start, or just before
 * it would have been replaced. Returns whether it was.
 */
export function reportRefusal(command: string, error: unknown, io: Io): boolean {
  if (!(error instanceof OutputRefused)) return false;
  io.stderr(`onus ${command}: ${printable(error.message)}. Nothing was written.\n`);
  return true;
}

/**
 * `--history SOURCE`: the earlier releases of the models, read once the models are; undefined
 * without the option, null when they could not be read (what is wrong is printed).
 */
export async function historyOption(
  command: string,
  source: string | undefined,
  prepared: PreparedContent,
  io: Io,
  /** One model of a library (`--model`): its releases are those of its id. */
  oneOfLibrary = false,
): Promise<ReadonlyMap<string, readonly ModelRelease[]> | undefined | null> {
  if (source === undefined) return undefined;
  const models = await prepared.models;
  if (!models) return null;
  const read = await readHistory(source, models, prepared.files, io.cwd, oneOfLibrary);
  if ('releases' in read) {
    for (const release of read.unmatched) {
      io.stderr(
        `onus ${command}: left out ${printable(release)} of the history: no model of the content has its id\n`,
      );
    }
    return read.releases;
  }
  if (read.problems) io.stderr(`${formatReport(read.problems, io.color)}\n`);
  io.stderr(`onus ${command}: ${printable(read.error)}. Nothing was written.\n`);
  return null;
}
