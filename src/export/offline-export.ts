import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Model } from '../model/index.ts';
import { searchIndexJson } from '../search/build-index.ts';
import { indexLibrary, type Library } from '../site/library.ts';
import { routes } from '../site/routes.ts';
import { hasHistory, removedWithPages } from '../site/history-view.ts';
import type { ModelRelease } from '../diff/history.ts';
import { composeSingleFile } from './single-file.ts';
import { deterministicZip } from './zip.ts';

export interface OfflineExport {
  /** The three outputs, relative to the export folder. */
  files: { html: string; folder: string; zip: string };
  singleFileBytes: number;
}

/**
 * Around the site built for disk (relative links, classic scripts) in `<out>/<name>/`, complete
 * the export: `<name>.zip` (that folder, zipped) and `<name>.html` (all in one file). The name
 * is the model's id, or for a library the one given.
 */
export async function writeOfflineExport(
  models: readonly Model[],
  out: string,
  name: string,
  hostedRoot?: string,
  /** Each model's earlier releases (`--history`): its Changes page and removed activities. */
  histories?: ReadonlyMap<string, readonly ModelRelease[]>,
): Promise<OfflineExport> {
  const library = indexLibrary(models, histories);
  const folder = path.join(out, name);
  // A "page not found" page has nothing to answer on disk, where no server looks for one.
  await rm(path.join(folder, '404.html'), { force: true });

  const files = await readFolder(folder);
  const zip = deterministicZip(name, files);
  await writeFile(path.join(out, `${name}.zip`), zip);

  const text = (file: string) => {
    const bytes = files.get(file);
    if (!bytes) throw new Error(`The site for disk has no ${file}`);
    return new TextDecoder().decode(bytes);
  };
  const pages = viewOrder(library).map((route) => ({ route, html: text(`${route}index.html`) }));
  const stylesheets = [...pages[0]!.html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
    (match) => text(match[1]!),
  );
  if (stylesheets.length === 0) throw new Error('The site for disk links no stylesheet');
  const html = composeSingleFile({
    pages,
    standIns: library.models.flatMap((site) =>
      site.model.areas.map((area) => decodeURIComponent(site.routes.area(area.id))),
    ),
    aliases: library.models.flatMap(({ model, routes: scoped }) => [
      ...model.activities.flatMap((item) =>
        (item.formerIds ?? []).map((id) => ({
          from: scoped.activity(id),
          to: scoped.activity(item.id),
        })),
      ),
      ...model.areas.flatMap((item) =>
        (item.formerIds ?? []).map((id) => ({ from: scoped.area(id), to: scoped.area(item.id) })),
      ),
    ]),
    scripts: {
      theme: text('scripts/theme.js'),
      site: text('scripts/site.js'),
      'matrix-filter': text('scripts/matrix-filter.js'),
      search: text('scripts/search.js'),
      ...(library.isLibrary && {
        library: `${text('stack-data.js')}\n${text('scripts/library.js')}`,
      }),
    },
    searchJson: searchIndexJson(models),
    css: stylesheets.join('\n'),
    favicon: text('favicon.svg'),
    ...(hostedRoot && { hostedRoot }),
  });
  await writeFile(path.join(out, `${name}.html`), html);
  return {
    files: { html: `${name}.html`, folder: `${name}/`, zip: `${name}.zip` },
    singleFileBytes: Buffer.byteLength(html),
  };
}

/**
 * The pages that become views, in reading order: the overview (a library's catalog, its
 * parties and "my stack" first), then each model's matrix, parties and activities, and with a
 * history its Changes page and the pages of the activities it removed.
 */
function viewOrder(library: Library): string[] {
  const own = library.isLibrary
    ? [
        routes.home(),
        ...library.parties.map((party) => routes.party(party.id)),
        routes.stack(),
        ...(hasHistory(library) ? [routes.changes()] : []),
      ]
    : [];
  return [
    ...own,
    ...library.models.flatMap((site) => [
      site.routes.home(),
      site.routes.matrix(),
      ...site.model.parties.map((party) => site.routes.party(party.id)),
      ...site.activitiesInOrder.map((activity) => site.routes.activity(activity.id)),
      ...(site.history ? [site.routes.changes()] : []),
      ...removedWithPages(site).map((removed) => site.routes.activity(removed.activity.id)),
    ]),
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
