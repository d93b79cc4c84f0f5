import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { serveStatic } from '../../e2e/support/static-server.ts';
import { ADVERSARIAL_CASES } from '../adversarial.ts';
import { searchDownload, type SearchDownload } from './browser.ts';
import { runMeasured } from './process.ts';
import { buildOurs, PROJECT } from './sites.ts';

export interface AdversarialResult {
  name: string;
  bytes: number;
  expected: 'model' | 'error';
  /** What `onus check` gave: a model (exit 0), an error at a line (exit 1), or anything else. */
  outcome: 'model' | 'error' | 'crash';
  ms: number;
  peakRssBytes: number;
  /** The first error, as printed. */
  message?: string;
  /** `onus build` of an input whose site could grow past its size (see `build`). */
  build?: { ms: number; peakRssBytes: number; siteBytes: number; code: number | null };
}

export interface FlatBuildResult {
  activities: number;
  ms: number;
  peakRssBytes: number;
  siteBytes: number;
  largestActivityPageBytes: number;
}

/** `onus check` on each adversarial input, with its time and the process tree's peak memory. */
export async function measureAdversarial(
  work: string,
  quick: boolean,
): Promise<AdversarialResult[]> {
  const folder = path.join(work, 'adversarial');
  mkdirSync(folder, { recursive: true });
  const results: AdversarialResult[] = [];
  // The smoke run keeps to the small inputs.
  const cases = ADVERSARIAL_CASES.filter((entry) => !quick || entry.text().length < 100_000);
  for (const [index, entry] of cases.entries()) {
    const file = path.join(folder, `case-${index}.md`);
    const text = entry.text();
    writeFileSync(file, text);
    const run = await runMeasured(
      process.execPath,
      [path.join(PROJECT, 'bin/onus.js'), 'check', file],
      { cwd: folder, timeoutMs: 120_000 },
    );
    const error = /^\d+:\d+\s+error\s+(.+?)\s+[a-z-]+\s+onus$/m.exec(run.output)?.[1];
    const build = entry.build && !quick ? await buildCase(folder, index, text) : undefined;
    results.push({
      ...(build && { build }),
      name: entry.name,
      bytes: Buffer.byteLength(text),
      expected: entry.expect,
      outcome: run.code === 0 ? 'model' : run.code === 1 && error ? 'error' : 'crash',
      ms: run.ms,
      peakRssBytes: run.peakRssBytes,
      ...(error && { message: error }),
    });
  }
  return results;
}

/** `onus build` of one input alone: time, peak memory and the size of the site. */
async function buildCase(folder: string, index: number, text: string) {
  const content = path.join(folder, `content-${index}`);
  mkdirSync(content, { recursive: true });
  writeFileSync(path.join(content, 'model.md'), text);
  const site = path.join(folder, `site-${index}`);
  const built = await buildOurs(content, site);
  let siteBytes = 0;
  if (built.code === 0) {
    for (const file of readdirSync(site, { recursive: true, withFileTypes: true })) {
      if (file.isFile()) siteBytes += statSync(path.join(file.parentPath, file.name)).size;
    }
  }
  return { ms: built.ms, peakRssBytes: built.peakRssBytes, siteBytes, code: built.code };
}

/** `onus build` of a flat list of activities: time, memory, and the largest activity page. */
export async function measureFlatBuild(work: string, activities: number): Promise<FlatBuildResult> {
  const content = path.join(work, `flat-${activities}`);
  mkdirSync(content, { recursive: true });
  writeFileSync(
    path.join(content, 'flat.md'),
    `---\ntitle: Flat\nparties:\n  - id: customer\n    name: Customer\n---\n\n## Responsibility matrix\n\n### Customer\n\n${Array.from({ length: activities }, (_, index) => `- Activity number ${index + 1}`).join('\n')}\n`,
  );
  const site = path.join(work, `flat-site-${activities}`);
  const built = await buildOurs(content, site);
  if (built.code !== 0) throw new Error(`onus build of the flat list failed:\n${built.output}`);
  let siteBytes = 0;
  let largest = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const size = statSync(path.join(entry.parentPath, entry.name)).size;
    siteBytes += size;
    if (entry.parentPath.includes(`${path.sep}activities${path.sep}`)) {
      largest = Math.max(largest, size);
    }
  }
  return {
    activities,
    ms: built.ms,
    peakRssBytes: built.peakRssBytes,
    siteBytes,
    largestActivityPageBytes: largest,
  };
}

export interface CatalogResult {
  controls: number;
  bytes: number;
  checkMs: number;
  checkPeakRssBytes: number;
  buildMs: number;
  buildPeakRssBytes: number;
  /** The heaviest page's HTML gzipped, plus every stylesheet and script gzipped: an upper bound. */
  heaviestPage: { route: string; gzipBytes: number };
  /** What a first search downloads, gzipped, when a browser was given. */
  search?: SearchDownload & { query: string };
}

/**
 * A control catalog of real size (`bench/catalog.ts`): `onus check` (`--strict` when asked),
 * `onus build`, page weights and, given a browser, what its first search downloads.
 */
export async function measureCatalog(
  work: string,
  name: string,
  controls: number,
  text: string,
  options: { strict?: boolean; browser?: Browser; query?: string } = {},
): Promise<CatalogResult> {
  const content = path.join(work, name);
  mkdirSync(content, { recursive: true });
  writeFileSync(path.join(content, 'catalog.md'), text);
  const checked = await runMeasured(
    process.execPath,
    [path.join(PROJECT, 'bin/onus.js'), 'check', ...(options.strict ? ['--strict'] : []), content],
    { cwd: work },
  );
  if (checked.code !== 0) throw new Error(`onus check of ${name} failed:\n${checked.output}`);
  const site = path.join(work, `${name}-site`);
  const built = await buildOurs(content, site);
  if (built.code !== 0) throw new Error(`onus build of ${name} failed:\n${built.output}`);
  let assets = 0;
  let heaviest = { route: '', gzipBytes: 0 };
  const files = readdirSync(site, { recursive: true, withFileTypes: true }).filter((entry) =>
    entry.isFile(),
  );
  for (const entry of files) {
    const full = path.join(entry.parentPath, entry.name);
    // What a page loads before anyone searches: not the search's scripts, index or words.
    if (/\.(css|js)$/.test(entry.name) && !/(^|\/)search/.test(path.relative(site, full))) {
      assets += gzipSync(readFileSync(full)).length;
    }
  }
  for (const entry of files) {
    if (entry.name !== 'index.html') continue;
    const full = path.join(entry.parentPath, entry.name);
    const size = gzipSync(readFileSync(full)).length;
    if (size > heaviest.gzipBytes) {
      heaviest = { route: `${path.relative(site, entry.parentPath)}/`, gzipBytes: size };
    }
  }
  let search: CatalogResult['search'];
  if (options.browser && options.query) {
    const server = await serveStatic(site, {});
    search = {
      query: options.query,
      ...(await searchDownload(options.browser, server.url, options.query)),
    };
    await server.close();
  }
  return {
    controls,
    bytes: Buffer.byteLength(text),
    checkMs: checked.ms,
    checkPeakRssBytes: checked.peakRssBytes,
    buildMs: built.ms,
    buildPeakRssBytes: built.peakRssBytes,
    heaviestPage: { ...heaviest, gzipBytes: heaviest.gzipBytes + assets },
    ...(search && { search }),
  };
}
