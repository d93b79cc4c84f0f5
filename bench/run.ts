/**
 * `npm run bench`: Onus measured against the floor (plain Astro) and the peer (Starlight), on
 * synthetic models of 100, 1,000 and 10,000 activities, with the budgets it must hold; writes
 * bench/RESULTS.md. `npm run bench -- --quick`: 100 activities, one run, no peer, no
 * Lighthouse — the smoke test `npm test` runs so that the harness cannot rot.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { freePort, serveStatic } from '../e2e/support/static-server.ts';
import { launch, pageWeight, searchTiming } from './lib/browser.ts';
import { measureAdversarial, measureCatalog, measureFlatBuild } from './lib/adversarial.ts';
import { devReload } from './lib/dev.ts';
import { generateAicmCatalog, generateCatalog } from './catalog.ts';
import { generateModel, QUERIES } from './generate.ts';
import { lighthouse, type Scores } from './lib/lighthouse.ts';
import { measureLibrary } from './lib/library.ts';
import { measureOfflineSearch } from './lib/offline-search.ts';
import { median } from './lib/process.ts';
import { writeResults, type Results, type SizeResult } from './lib/report.ts';
import {
  buildFloor,
  buildOurs,
  buildPeer,
  countHtml,
  exportOurs,
  installPeer,
  modelOf,
  PEER,
  PROJECT,
  writeFloorData,
  writePeerDocs,
} from './lib/sites.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string' },
  },
});
const quick = values.quick;
const sizes = (values.sizes ?? (quick ? '100' : '100,1000,10000')).split(',').map(Number);
const runs = Number(values.runs ?? (quick ? 1 : 3));
const PEER_LIMITS_MS: Record<number, number> = { 100: 120_000, 1000: 180_000, 10000: 240_000 };

/** On a RAM disk where there is one: the machine's disk is throttled, and would time itself. */
const WORK = path.join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'onus-bench');
const log = (text: string) => process.stderr.write(`${text}\n`);
const fail = (what: string, output: string) => {
  throw new Error(`${what} failed:\n${output.slice(-2000)}`);
};

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
if (!quick) installPeer();
const started = performance.now();
const browser = await launch();
const results: Results = { date: new Date().toISOString(), quick, runs, sizes: [] };

try {
  for (const size of sizes) {
    log(`\n— ${size} activities`);
    const content = path.join(WORK, `model-${size}`);
    mkdirSync(content, { recursive: true });
    const source = path.join(content, `synthetic-${size}.md`);
    writeFileSync(source, generateModel(size));
    const model = modelOf(source);
    const floorData = path.join(WORK, `floor-${size}.json`);
    writeFloorData(model, floorData);

    const ours: number[] = [];
    const floor: number[] = [];
    let peak = 0;
    const site = path.join(WORK, `site-${size}`);
    for (let run = 0; run < runs; run++) {
      const built = await buildOurs(content, site);
      if (built.code !== 0) fail('onus build', built.output);
      ours.push(built.ms);
      peak = Math.max(peak, built.peakRssBytes);
      const plain = await buildFloor(floorData, path.join(WORK, `floor-${size}`));
      if (plain.code !== 0) fail('the floor', plain.output);
      floor.push(plain.ms);
      log(
        `  run ${run + 1}: onus ${(built.ms / 1000).toFixed(1)} s, floor ${(plain.ms / 1000).toFixed(1)} s`,
      );
    }
    // The work folder is in memory: what is measured is let go of at once.
    rmSync(path.join(WORK, `floor-${size}`), { recursive: true, force: true });
    const pages = countHtml(site);

    let peer: SizeResult['peer'];
    if (!quick) {
      writePeerDocs(model);
      const limit = PEER_LIMITS_MS[size] ?? 240_000;
      const built = await buildPeer(path.join(WORK, `peer-${size}`), limit);
      // Every Starlight page carries the whole sidebar: 10,000 pages weigh gigabytes.
      rmSync(path.join(WORK, `peer-${size}`), { recursive: true, force: true });
      if (!built.timedOut && built.code !== 0) fail('Starlight', built.output);
      const written = (built.output.match(/├─ |└─ /g) ?? []).length;
      peer = { ms: built.ms, completed: !built.timedOut, pagesWritten: written, limitMs: limit };
      log(
        `  Starlight ${(built.ms / 1000).toFixed(1)} s${built.timedOut ? ` (stopped at the limit, ${written} pages written)` : ''}`,
      );
    }

    const server = await serveStatic(site);
    const firstActivity = model.activities[0]!.id;
    const weights = {
      overview: await pageWeight(browser, server.url),
      matrix: await pageWeight(browser, `${server.url}matrix/`),
      party: await pageWeight(browser, `${server.url}parties/${model.parties[0]!.id}/`),
      activity: await pageWeight(browser, `${server.url}activities/${firstActivity}/`),
    };
    const search = await searchTiming(browser, server.url, quick ? QUERIES.slice(0, 20) : QUERIES);
    await server.close();
    const indexBytes = readFileSync(path.join(site, 'search-index.js'));
    rmSync(site, { recursive: true, force: true });

    const offline = path.join(WORK, `export-${size}`);
    const exported = await exportOurs(content, offline);
    if (exported.code !== 0) fail('onus export', exported.output);
    const single = path.join(offline, `synthetic-${size}.html`);
    const opened = await measureOfflineSearch(single);
    const singleFileBytes = statSync(single).size;
    rmSync(offline, { recursive: true, force: true });

    results.sizes.push({
      activities: size,
      pages,
      ours: { ms: median(ours), runs: ours, peakRssBytes: peak, msPerPage: median(ours) / pages },
      floor: { ms: median(floor), runs: floor },
      ...(peer && { peer }),
      weights,
      search: {
        indexRaw: indexBytes.length,
        indexGzip: gzipSync(indexBytes, { level: 6 }).length,
        ...search,
      },
      export: {
        ms: exported.ms,
        singleFileBytes,
        openMs: opened.openMs,
        firstResultMs: opened.firstResultMs,
      },
    });
  }

  log('\n— the seed content');
  // Built for the address it is served at, as a published site knows its own (canonical URLs).
  const port = await freePort();
  const seedSite = path.join(WORK, 'site-seed');
  const seedBuild = await buildOurs(path.join(PROJECT, 'content'), seedSite, [
    '--site',
    `http://127.0.0.1:${port}/`,
  ]);
  if (seedBuild.code !== 0) fail('onus build of the seed', seedBuild.output);
  const seedExport = await exportOurs(
    path.join(PROJECT, 'content'),
    path.join(WORK, 'export-seed'),
  );
  if (seedExport.code !== 0) fail('onus export of the seed', seedExport.output);
  const server = await serveStatic(seedSite, { port });
  const seedPages = {
    overview: server.url,
    matrix: `${server.url}matrix/`,
    party: `${server.url}parties/customer/`,
    activity: `${server.url}activities/vmware-site-recovery-recovery-plans/`,
  };
  const seedWeights = {
    overview: await pageWeight(browser, seedPages.overview),
    matrix: await pageWeight(browser, seedPages.matrix),
    party: await pageWeight(browser, seedPages.party),
    activity: await pageWeight(browser, seedPages.activity),
  };
  const scores: Record<string, Scores> | undefined = quick ? undefined : {};
  if (scores)
    for (const [name, url] of Object.entries(seedPages)) scores[name] = await lighthouse(url);
  await server.close();
  const dev = await devReload(browser, path.join(PROJECT, 'content'), quick ? 1 : 3);
  results.seed = {
    weights: seedWeights,
    ...(scores && { lighthouse: scores }),
    singleFileBytes: statSync(path.join(WORK, 'export-seed', 'vmware-site-recovery.html')).size,
    devReloadMs: dev,
  };

  log('\n— adversarial input');
  results.adversarial = await measureAdversarial(WORK, quick);
  for (const entry of results.adversarial) {
    log(`  ${entry.name}: ${entry.outcome} in ${(entry.ms / 1000).toFixed(1)} s`);
  }
  results.flat = await measureFlatBuild(WORK, quick ? 500 : 10_000);
  log('\n— a control catalog of real size');
  const controls = quick ? 25 : 250;
  results.catalog = await measureCatalog(WORK, 'catalog', controls, generateCatalog(controls));
  results.aicm = await measureCatalog(WORK, 'aicm', controls, generateAicmCatalog(controls), {
    strict: true,
    browser,
    query: 'network',
  });
  for (const catalog of [results.catalog, results.aicm]) {
    log(
      `  ${catalog.controls} controls, ${(catalog.bytes / 1e6).toFixed(1)} MB: check ${(catalog.checkMs / 1000).toFixed(1)} s, build ${(catalog.buildMs / 1000).toFixed(1)} s`,
    );
  }
  log(
    `  flat list of ${results.flat.activities}: built in ${(results.flat.ms / 1000).toFixed(1)} s`,
  );
  log('\n— a library of models');
  results.library = await measureLibrary(
    WORK,
    quick ? { models: 3, perModel: 20, runs: 1 } : { models: 50, perModel: 200, runs },
  );
  log(
    `  ${results.library.models} models, ${results.library.activities} activities: built in ${(results.library.ours.ms / 1000).toFixed(1)} s (floor ${(results.library.floor.ms / 1000).toFixed(1)} s); single file opens in ${Math.round(results.library.export.openMs)} ms, first results ${Math.round(results.library.export.firstResultMs)} ms`,
  );
} finally {
  await browser.close();
}

results.totalMs = performance.now() - started;
if (!quick) rmSync(path.join(PEER, 'src/content/docs'), { recursive: true, force: true });
for (const entry of readdirSync(WORK))
  rmSync(path.join(WORK, entry), { recursive: true, force: true });
const target = quick ? path.join(WORK, 'RESULTS.md') : path.join(PROJECT, 'bench/RESULTS.md');
writeResults(results, target);
log(
  `\nResults in ${path.relative(process.cwd(), target) || target} (${(results.totalMs / 60_000).toFixed(1)} min)`,
);
