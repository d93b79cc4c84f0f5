import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Model } from '../model/index.ts';
import { searchIndexJson } from '../search/build-index.ts';
import { indexModel } from '../site/site-model.ts';
import { routes } from '../site/routes.ts';
import { composeSingleFile } from './single-file.ts';
import { deterministicZip } from './zip.ts';

export interface OfflineExport {
  /** The three outputs, relative to the export folder. */
  files: { html: string; folder: string; zip: string };
  singleFileBytes: number;
}

/**
 * Around the site built for disk (relative links, classic scripts) in `<out>/<id>/`, complete
 * the export: `<id>.zip` (that folder, zipped) and `<id>.html` (all in one file).
 */
export async function writeOfflineExport(
  model: Model,
  out: string,
  hostedRoot?: string,
): Promise<OfflineExport> {
  const folder = path.join(out, model.id);
  // A "page not found" page has nothing to answer on disk, where no server looks for one.
  await rm(path.join(folder, '404.html'), { force: true });

  const files = await readFolder(folder);
  const zip = deterministicZip(model.id, files);
  await writeFile(path.join(out, `${model.id}.zip`), zip);

  const text = (name: string) => {
    const bytes = files.get(name);
    if (!bytes) throw new Error(`The site for disk has no ${name}`);
    return new TextDecoder().decode(bytes);
  };
  const pages = viewOrder(model).map((route) => ({ route, html: text(`${route}index.html`) }));
  const stylesheet = /<link rel="stylesheet" href="([^"]+)"/.exec(pages[0]!.html)?.[1];
  if (!stylesheet) throw new Error('The site for disk links no stylesheet');
  const html = composeSingleFile({
    pages,
    standIns: model.areas.map((area) => decodeURIComponent(routes.area(area.id))),
    aliases: [
      ...model.activities.flatMap((item) =>
        (item.formerIds ?? []).map((id) => ({
          from: routes.activity(id),
          to: routes.activity(item.id),
        })),
      ),
      ...model.areas.flatMap((item) =>
        (item.formerIds ?? []).map((id) => ({ from: routes.area(id), to: routes.area(item.id) })),
      ),
    ],
    scripts: {
      theme: text('scripts/theme.js'),
      site: text('scripts/site.js'),
      'matrix-filter': text('scripts/matrix-filter.js'),
      search: text('scripts/search.js'),
    },
    searchJson: searchIndexJson(model),
    css: text(stylesheet),
    favicon: text('favicon.svg'),
    ...(hostedRoot && { hostedRoot }),
  });
  await writeFile(path.join(out, `${model.id}.html`), html);
  return {
    files: { html: `${model.id}.html`, folder: `${model.id}/`, zip: `${model.id}.zip` },
    singleFileBytes: Buffer.byteLength(html),
  };
}

/** The pages that become views, in reading order: overview, matrix, parties, activities. */
function viewOrder(model: Model): string[] {
  const site = indexModel(model);
  return [
    routes.home(),
    routes.matrix(),
    ...model.parties.map((party) => routes.party(party.id)),
    ...site.activitiesInOrder.map((activity) => routes.activity(activity.id)),
  ].map((route) => decodeURIComponent(route));
}

async function readFolder(folder: string): Promise<Map<string, Uint8Array>> {
  const names = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
  const files = new Map<string, Uint8Array>();
  for (const name of names) files.set(name, await readFile(path.join(folder, name)));
  return files;
}
