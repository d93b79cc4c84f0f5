import type { APIRoute } from 'astro';
import { loadLibrary } from '../site/load.ts';
import { publicUrl, routes } from '../site/routes.ts';
import { pagesBase } from '../site/pages-base.ts';

/** A library's `models.json`: every model, and where its `model.json` is. */
export async function getStaticPaths() {
  return (await loadLibrary()).isLibrary ? [{ params: { libraryFile: 'models' } }] : [];
}

export const GET: APIRoute = async ({ site: address }) => {
  const library = await loadLibrary();
  const url = (route: string) => publicUrl(address?.href, pagesBase(), route);
  const models = library.models.map(({ model, routes: scoped }) => ({
    id: model.id,
    title: model.title,
    ...(model.description !== undefined && { description: model.description }),
    ...(model.version !== undefined && { version: model.version }),
    ...(model.reviewed !== undefined && { reviewed: model.reviewed }),
    ...(model.publisher !== undefined && { publisher: model.publisher }),
    parties: model.parties.map((party) => party.id),
    activities: model.activities.length,
    url: url(scoped.home()),
    modelJson: url(scoped.modelJson()),
    matrixCsv: url(scoped.matrixCsv()),
    assignmentsCsv: url(scoped.assignmentsCsv()),
    matrixXlsx: url(scoped.matrixXlsx()),
    oscal: url(scoped.oscal()),
  }));
  const body = {
    title: library.title,
    models,
    parties: library.parties.map((party) => ({
      id: party.id,
      name: party.name,
      url: url(routes.party(party.id)),
      models: party.models.map((site) => site.model.id),
    })),
    matrixCsv: url(routes.matrixCsv()),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
