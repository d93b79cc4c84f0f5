/**
 * A library of real size: many models of a few hundred activities each, sharing parties, as
 * a provider publishes one model per service. Built as a user builds it, against the floor
 * rendering the same activity pages; then exported, and its single file opened and searched.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { parseModel } from '../../src/readers/index.ts';
import type { Model } from '../../src/model/index.ts';
import { generateModel } from '../generate.ts';
import { measureOfflineSearch } from './offline-search.ts';
import { median } from './process.ts';
import { buildFloor, buildOurs, countHtml, exportOurs, writeFloorData } from './sites.ts';

export interface LibraryResult {
  models: number;
  activities: number;
  pages: number;
  ours: { ms: number; runs: number[]; peakRssBytes: number };
  floor: { ms: number; runs: number[] };
  export: { ms: number; singleFileBytes: number; openMs: number; firstResultMs: number };
}

export async function measureLibrary(
  work: string,
  { models = 50, perModel = 200, runs = 3 } = {},
): Promise<LibraryResult> {
  const content = path.join(work, `library-${models}`);
  mkdirSync(content, { recursive: true });
  const parsed: Model[] = [];
  for (let index = 1; index <= models; index++) {
    const name = `service-${String(index).padStart(2, '0')}.md`;
    const text = generateModel(perModel, index, {
      parties: 3 + (index % 3),
      title: `Synthetic service ${index}`,
    });
    writeFileSync(path.join(content, name), text);
    const model = parseModel(new VFile({ path: name, value: text })).model;
    if (!model) throw new Error(`The generated ${name} does not parse`);
    parsed.push(model);
  }
  // The floor renders the same activity pages: every model's, under ids of their own.
  const floorData = path.join(work, `floor-library-${models}.json`);
  writeFloorData(
    {
      ...parsed[0]!,
      activities: parsed.flatMap((model) =>
        model.activities.map((activity) => ({ ...activity, id: `${model.id}-${activity.id}` })),
      ),
    },
    floorData,
  );

  const site = path.join(work, `library-site-${models}`);
  const ours: number[] = [];
  const floor: number[] = [];
  let peak = 0;
  for (let run = 0; run < runs; run++) {
    const built = await buildOurs(content, site);
    if (built.code !== 0)
      throw new Error(`onus build of the library failed:\n${built.output.slice(-2000)}`);
    ours.push(built.ms);
    peak = Math.max(peak, built.peakRssBytes);
    const plain = await buildFloor(floorData, path.join(work, `floor-library-${models}`));
    if (plain.code !== 0) throw new Error(`the floor failed:\n${plain.output.slice(-2000)}`);
    floor.push(plain.ms);
    process.stderr.write(
      `  run ${run + 1}: onus ${(built.ms / 1000).toFixed(1)} s, floor ${(plain.ms / 1000).toFixed(1)} s\n`,
    );
  }
  rmSync(path.join(work, `floor-library-${models}`), { recursive: true, force: true });
  const pages = countHtml(site);
  rmSync(site, { recursive: true, force: true });

  const out = path.join(work, `library-export-${models}`);
  const exported = await exportOurs(content, out);
  if (exported.code !== 0)
    throw new Error(`onus export of the library failed:\n${exported.output.slice(-2000)}`);
  const single = path.join(out, `${path.basename(content)}.html`);
  const singleFileBytes = readFileSync(single).length;
  const opened = await measureOfflineSearch(single);
  rmSync(out, { recursive: true, force: true });
  return {
    models,
    activities: parsed.reduce((sum, model) => sum + model.activities.length, 0),
    pages,
    ours: { ms: median(ours), runs: ours, peakRssBytes: peak },
    floor: { ms: median(floor), runs: floor },
    export: {
      ms: exported.ms,
      singleFileBytes,
      openMs: opened.openMs,
      firstResultMs: opened.firstResultMs,
    },
  };
}
