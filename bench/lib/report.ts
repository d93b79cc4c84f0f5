import type { LibraryResult } from './library.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AdversarialResult, CatalogResult, FlatBuildResult } from './adversarial.ts';
import type { PageWeight, SearchTiming } from './browser.ts';
import type { Scores } from './lighthouse.ts';

type PageName = 'overview' | 'matrix' | 'party' | 'activity';

export interface SizeResult {
  activities: number;
  pages: number;
  ours: { ms: number; runs: number[]; peakRssBytes: number; msPerPage: number };
  floor: { ms: number; runs: number[] };
  peer?: { ms: number; completed: boolean; pagesWritten: number; limitMs: number };
  weights: Record<PageName, PageWeight>;
  search: SearchTiming & { indexRaw: number; indexGzip: number };
  export: { ms: number; singleFileBytes: number; openMs: number; firstResultMs: number };
}

export interface Results {
  date: string;
  quick: boolean;
  runs: number;
  sizes: SizeResult[];
  seed?: {
    weights: Record<PageName, PageWeight>;
    lighthouse?: Record<string, Scores>;
    singleFileBytes: number;
    devReloadMs: number[];
  };
  adversarial?: AdversarialResult[];
  flat?: FlatBuildResult;
  catalog?: CatalogResult;
  /** A catalog of the AI Controls Matrix's shape and size (about 5 MB). */
  aicm?: CatalogResult;
  library?: LibraryResult;
  totalMs?: number;
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;

interface Budget {
  what: string;
  limit: string;
  measured: string;
  met: boolean | undefined;
}

/**
 * Within budget: checked in ≤ 10 s and ≤ 1 GB, or refused (as expected) in ≤ 2 s; and, for an
 * input the bench builds, built in ≤ 1 GB into a site of ≤ 60 MB.
 */
function adversarialMet(entry: AdversarialResult): boolean {
  if (entry.outcome !== entry.expected) return false;
  if (
    entry.build &&
    (entry.build.code !== 0 ||
      entry.build.peakRssBytes > 1024 ** 3 ||
      entry.build.siteBytes > 60 * 1024 ** 2)
  ) {
    return false;
  }
  const fast = entry.ms <= 2_000;
  const withinBudget = entry.ms <= 10_000 && entry.peakRssBytes <= 1024 ** 3;
  return entry.outcome === 'error' ? fast || withinBudget : withinBudget;
}

function adversarialTable(
  entries: AdversarialResult[],
  flat: FlatBuildResult | undefined,
): string[] {
  return [
    '## Adversarial input',
    '',
    '`onus check` on inputs that once crashed Onus or held it for minutes (`bench/adversarial.ts`).',
    'Budget: any input up to 5 MB is checked in ≤ 10 s and ≤ 1 GB, or refused with an error at a line in ≤ 2 s; an input that a small file makes into a large site is also built, in ≤ 1 GB, into ≤ 60 MB.',
    '',
    '| input | size | expected | outcome | time | peak memory | build: time, peak, site | met | first error |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...entries.map(
      (entry) =>
        `| ${entry.name.replaceAll('|', '\\|')} | ${kb(entry.bytes)} | ${entry.expected} | ${entry.outcome} | ${s(entry.ms)} | ${mb(entry.peakRssBytes)} | ${entry.build ? `${s(entry.build.ms)}, ${mb(entry.build.peakRssBytes)}, ${mb(entry.build.siteBytes)}` : '—'} | ${adversarialMet(entry) ? 'yes' : '**no**'} | ${(entry.message ?? '').replaceAll('|', '\\|')} |`,
    ),
    '',
    ...(flat
      ? [
          `A flat list of ${flat.activities.toLocaleString('en')} activities (no areas): built in ${s(flat.ms)}, peak ${mb(flat.peakRssBytes)}, site ${mb(flat.siteBytes)}, largest activity page ${kb(flat.largestActivityPageBytes)}.`,
          '',
        ]
      : []),
  ];
}

function budgets(results: Results): Budget[] {
  const at = (n: number) => results.sizes.find((size) => size.activities === n);
  const list: Budget[] = [];
  if (results.adversarial) {
    const missed = results.adversarial.filter((entry) => !adversarialMet(entry));
    list.push({
      what: `Adversarial inputs (${results.adversarial.length}): checked ≤ 10 s and ≤ 1 GB, or refused ≤ 2 s`,
      limit: 'all',
      measured:
        missed.length === 0 ? 'all' : `missed: ${missed.map((entry) => entry.name).join('; ')}`,
      met: missed.length === 0,
    });
  }
  if (results.catalog && results.catalog.controls >= 250) {
    const { catalog } = results;
    list.push(
      {
        what: `A ${catalog.controls}-control catalog (${mb(catalog.bytes)}, 5 parties): \`onus check\``,
        limit: '≤ 1.5 s',
        measured: s(catalog.checkMs),
        met: catalog.checkMs <= 1_500,
      },
      {
        what: 'The same catalog: `onus build`',
        limit: '≤ 4 s',
        measured: s(catalog.buildMs),
        met: catalog.buildMs <= 4_000,
      },
      {
        what: 'The same catalog: heaviest page at first visit, gzipped (HTML + every CSS and JS)',
        limit: '≤ 100 KB',
        measured: `${kb(catalog.heaviestPage.gzipBytes)} (${catalog.heaviestPage.route})`,
        met: catalog.heaviestPage.gzipBytes <= 100 * 1024,
      },
    );
  }
  if (results.aicm && results.aicm.controls >= 250) {
    const { aicm } = results;
    const search = aicm.search && Math.max(aicm.search.dialogGzip, aicm.search.pageGzip);
    list.push(
      {
        what: `A catalog of the AICM's shape (${aicm.controls} controls, ${mb(aicm.bytes)}, 5 actors, 4 layers): \`onus check --strict\`, time and peak memory`,
        limit: '≤ 3 s, ≤ 600 MB',
        measured: `${s(aicm.checkMs)}, ${mb(aicm.checkPeakRssBytes)}`,
        met: aicm.checkMs <= 3_000 && aicm.checkPeakRssBytes <= 600 * 2 ** 20,
      },
      {
        what: 'The same catalog: `onus build`, time and peak memory',
        limit: '≤ 12 s, ≤ 1 GB',
        measured: `${s(aicm.buildMs)}, ${mb(aicm.buildPeakRssBytes)}`,
        met: aicm.buildMs <= 12_000 && aicm.buildPeakRssBytes <= 2 ** 30,
      },
      {
        what: 'The same catalog: heaviest page at first visit, gzipped (HTML + every CSS and JS)',
        limit: '≤ 100 KB',
        measured: `${kb(aicm.heaviestPage.gzipBytes)} (${aicm.heaviestPage.route})`,
        met: aicm.heaviestPage.gzipBytes <= 100 * 1024,
      },
      {
        what: `The same catalog: what a first search downloads, gzipped (script, index, the excerpts' words; "${aicm.search?.query}", the larger of the dialog and the search page)`,
        limit: '≤ 600 KB',
        measured: search === undefined ? 'not measured' : kb(search),
        met: search !== undefined && search <= 600 * 1024,
      },
    );
  }
  if (results.library && results.library.models >= 50) {
    const { library } = results;
    const ratio = library.ours.ms / library.floor.ms;
    const firstResults = library.export.openMs + library.export.firstResultMs;
    list.push(
      {
        what: `A library of ${library.models} models, ${library.activities.toLocaleString('en')} activities: build ÷ plain-Astro floor`,
        limit: '≤ 1.5×',
        measured: `${ratio.toFixed(2)}× (${s(library.ours.ms)} ÷ ${s(library.floor.ms)})`,
        met: ratio <= 1.5,
      },
      {
        what: 'The same library: peak memory of the build (process tree)',
        limit: '≤ 1.5 GB',
        measured: mb(library.ours.peakRssBytes),
        met: library.ours.peakRssBytes <= 1.5 * 1024 ** 3,
      },
      {
        what: `The same library's single file (${mb(library.export.singleFileBytes)}): opened from disk to its first search results`,
        limit: '≤ 1.5 s',
        measured: `${s(firstResults)} (open ${s(library.export.openMs)}, then first results ${s(library.export.firstResultMs)})`,
        met: firstResults <= 1_500,
      },
    );
  }
  if (results.flat && results.flat.activities >= 10_000) {
    list.push({
      what: `Flat list of ${results.flat.activities.toLocaleString('en')} activities: build time; largest activity page`,
      limit: '≤ 60 s; ≤ 60 KB',
      measured: `${s(results.flat.ms)}; ${kb(results.flat.largestActivityPageBytes)}`,
      met: results.flat.ms <= 60_000 && results.flat.largestActivityPageBytes <= 60 * 1024,
    });
  }
  for (const n of [1000, 10000]) {
    const size = at(n);
    if (!size) continue;
    const ratio = size.ours.ms / size.floor.ms;
    list.push({
      what: `Build at ${n.toLocaleString('en')}: Onus ÷ plain-Astro floor`,
      limit: '≤ 1.5×',
      measured: `${ratio.toFixed(2)}× (${s(size.ours.ms)} ÷ ${s(size.floor.ms)})`,
      met: ratio <= 1.5,
    });
    if (size.peer) {
      const speedup = size.peer.ms / size.ours.ms;
      const bound = size.peer.completed ? '' : ' at least (Starlight stopped at its time limit)';
      list.push({
        what: `Build at ${n.toLocaleString('en')}: Starlight ÷ Onus`,
        limit: '≥ 4×',
        measured: `${speedup.toFixed(1)}×${bound} (${s(size.peer.ms)} ÷ ${s(size.ours.ms)})`,
        met: speedup >= 4,
      });
    }
  }
  const [small, large] = [at(1000), at(10000)];
  if (small && large) {
    const growth = large.ours.ms / small.ours.ms;
    list.push({
      what: 'Build growth, 1,000 → 10,000 activities',
      limit: '≤ 11×',
      measured: `${growth.toFixed(1)}×`,
      met: growth <= 11,
    });
    list.push({
      what: 'Peak memory of the build at 10,000 (process tree)',
      limit: '≤ 1.5 GB',
      measured: mb(large.ours.peakRssBytes),
      met: large.ours.peakRssBytes <= 1.5 * 1024 ** 3,
    });
  }
  const activityPages = [
    ...results.sizes.map((size) => size.weights.activity),
    ...(results.seed ? [results.seed.weights.activity] : []),
  ];
  if (activityPages.length > 0) {
    const heaviest = Math.max(...activityPages.map((weight) => weight.totalGzip));
    list.push({
      what: 'Activity page, first visit, HTML + CSS + JS gzipped (heaviest of all sizes)',
      limit: '≤ 12 KB',
      measured: kb(heaviest),
      met: heaviest <= 12 * 1024,
    });
  }
  if (results.seed) {
    const matrix = results.seed.weights.matrix.totalGzip;
    list.push({
      what: "The seed's matrix page, first visit, gzipped",
      limit: '≤ 20 KB',
      measured: kb(matrix),
      met: matrix <= 20 * 1024,
    });
    if (results.seed.lighthouse) {
      const scores = Object.entries(results.seed.lighthouse).flatMap(([page, score]) =>
        Object.entries(score).map(([category, value]) => `${page} ${category} ${value}`),
      );
      const all100 = Object.values(results.seed.lighthouse).every((score) =>
        Object.values(score).every((value) => value === 100),
      );
      list.push({
        what: 'Lighthouse: performance, accessibility, best practices, SEO on 4 pages',
        limit: '100 each',
        measured: all100 ? 'all 100' : scores.filter((line) => !line.endsWith(' 100')).join('; '),
        met: all100,
      });
    }
    list.push({
      what: "The seed's single-file export",
      limit: '≤ 150 KB',
      measured: kb(results.seed.singleFileBytes),
      met: results.seed.singleFileBytes <= 150 * 1024,
    });
    const dev = Math.max(...results.seed.devReloadMs);
    list.push({
      what: '`onus dev`: a saved edit on the page (slowest of the edits)',
      limit: '< 1 s',
      measured: ms(dev),
      met: dev < 1000,
    });
  }
  if (large) {
    list.push({
      what: 'Search index at 10,000, gzipped',
      limit: '≤ 400 KB',
      measured: kb(large.search.indexGzip),
      met: large.search.indexGzip <= 400 * 1024,
    });
    list.push({
      what: 'Search query p95 in the UI at 10,000',
      limit: '≤ 20 ms',
      measured: ms(large.search.p95),
      met: large.search.p95 <= 20,
    });
    const { openMs, firstResultMs } = large.export;
    list.push({
      what: 'Single file at 10,000: opening it, then the first search results',
      limit: '≤ 1 s in all',
      measured: `${ms(openMs + firstResultMs)} (open ${ms(openMs)} + search keystroke → results ${ms(firstResultMs)})`,
      met: openMs + firstResultMs <= 1000,
    });
  }
  const loadsSearch = results.sizes.some((size) =>
    Object.values(size.weights).some((weight) => weight.js.raw > 20 * 1024),
  );
  list.push({
    what: 'Nothing of the search loads with a page',
    limit: 'no search code or index on first visit',
    measured: loadsSearch ? 'search code loaded' : 'none loaded',
    met: !loadsSearch,
  });
  return list;
}

function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
}

function sizeTable(size: SizeResult): string {
  const weight = (name: keyof SizeResult['weights']) => {
    const page = size.weights[name];
    return `| ${name} | ${kb(page.html.raw)} / ${kb(page.html.gzip)} | ${kb(page.css.raw)} / ${kb(page.css.gzip)} | ${kb(page.js.raw)} / ${kb(page.js.gzip)} | **${kb(page.totalGzip)}** |`;
  };
  const peer = size.peer
    ? `${s(size.peer.ms)}${size.peer.completed ? '' : ` — stopped at the ${s(size.peer.limitMs)} limit with ${size.peer.pagesWritten} of ${size.activities + 1} pages written`}`
    : 'not run';
  return [
    `### ${size.activities.toLocaleString('en')} activities`,
    '',
    '| measure | figure |',
    '| --- | --- |',
    `| \`onus build\` (median of ${size.ours.runs.length}: ${size.ours.runs.map(s).join(', ')}) | ${s(size.ours.ms)}, ${size.pages.toLocaleString('en')} pages, ${size.ours.msPerPage.toFixed(2)} ms a page |`,
    `| peak memory of the build (whole process tree) | ${mb(size.ours.peakRssBytes)} |`,
    `| floor: plain Astro, same activity pages from JSON (median: ${size.floor.runs.map(s).join(', ')}) | ${s(size.floor.ms)} — Onus ${(size.ours.ms / size.floor.ms).toFixed(2)}× |`,
    `| peer: Starlight, same activities as docs pages | ${peer}${size.peer ? ` — Onus ${(size.peer.ms / size.ours.ms).toFixed(1)}× faster` : ''} |`,
    `| search index, raw / gzip | ${kb(size.search.indexRaw)} / ${kb(size.search.indexGzip)} |`,
    `| search: keystroke that opens it → index loaded; → first results | ${ms(size.search.indexLoadMs)}; ${ms(size.search.firstResultMs)} |`,
    `| search: query latency in the UI, p50 / p95 over ${size.search.queries} typed queries | ${ms(size.search.p50)} / ${ms(size.search.p95)} |`,
    `| \`onus export\` | ${s(size.export.ms)} |`,
    `| single file: size; opening it; search keystroke → first results | ${mb(size.export.singleFileBytes)} (${kb(size.export.singleFileBytes)}); ${ms(size.export.openMs)}; ${ms(size.export.firstResultMs)} |`,
    '',
    'First visit, every asset loaded (raw / gzip):',
    '',
    '| page | HTML | CSS | JS | total gzip |',
    '| --- | --- | --- | --- | --- |',
    weight('overview'),
    weight('matrix'),
    weight('party'),
    weight('activity'),
    '',
  ].join('\n');
}

/** bench/RESULTS.md: the budgets with their figures, a table per size, the machine and the date. */
export function writeResults(results: Results, file: string): void {
  const notes = path.join(import.meta.dirname, '../NOTES.md');
  const lines = [
    '# Benchmark results',
    '',
    `Measured ${results.date.slice(0, 10)} by \`npm run bench${results.quick ? ' -- --quick' : ''}\` in ${s(results.totalMs ?? 0)} on ${machine()}.`,
    "Builds write to a RAM disk (`/dev/shm`): the machine's disk is throttled, and would otherwise time itself.",
    `Build times are medians of ${results.runs} runs, Onus and the floor taking turns.`,
    '',
    '## Budgets',
    '',
    '| budget | limit | measured | met |',
    '| --- | --- | --- | --- |',
    ...budgets(results).map(
      (budget) =>
        `| ${budget.what} | ${budget.limit} | ${budget.measured} | ${budget.met === undefined ? '—' : budget.met ? 'yes' : '**no**'} |`,
    ),
    '',
    '## By size',
    '',
    ...results.sizes.map(sizeTable),
  ];
  if (results.seed) {
    const seed = results.seed;
    lines.push(
      '## The seed content (VMware Site Recovery)',
      '',
      '| page | total gzip (HTML + CSS + JS) |',
      '| --- | --- |',
    );
    for (const [name, weight] of Object.entries(seed.weights))
      lines.push(`| ${name} | ${kb(weight.totalGzip)} |`);
    lines.push(
      '',
      `Single file: ${kb(seed.singleFileBytes)}. \`onus dev\`, save → page updated: ${seed.devReloadMs.map(ms).join(', ')}.`,
      '',
    );
    if (seed.lighthouse) {
      lines.push(
        '| Lighthouse | performance | accessibility | best practices | SEO |',
        '| --- | --- | --- | --- | --- |',
      );
      for (const [page, score] of Object.entries(seed.lighthouse)) {
        lines.push(
          `| ${page} | ${score.performance} | ${score.accessibility} | ${score['best-practices']} | ${score.seo} |`,
        );
      }
      lines.push('');
    }
  }
  if (results.adversarial) lines.push(...adversarialTable(results.adversarial, results.flat));
  try {
    lines.push(readFileSync(notes, 'utf8'));
  } catch {
    // No notes yet.
  }
  writeFileSync(file, `${lines.join('\n').trimEnd()}\n`);
}
