import { trimCharacter } from '../model/text-parts.ts';
/**
 * The site's URLs. They are part of the product — pasted into tickets and audit findings — so
 * they are written down once, here, and pinned by tests.
 *
 * A route is a path relative to the site's base, such as `activities/nat/`; `''` is the home.
 */
/** Alone as well, for the browser scripts: a bundle then carries only what it uses. */
export const homeRoute = () => '';
export const matrixRoute = () => 'matrix/';
export const searchRoute = () => 'search/';

export const routes = {
  home: homeRoute,
  matrix: matrixRoute,
  search: searchRoute,
  party: (id: string) => `parties/${encodeURIComponent(id)}/`,
  area: (id: string) => `areas/${encodeURIComponent(id)}/`,
  activity: (id: string) => `activities/${encodeURIComponent(id)}/`,
  modelJson: () => 'model.json',
  matrixCsv: () => 'matrix.csv',
  assignmentsCsv: () => 'assignments.csv',
  /** The matrix, notes and references as an Excel workbook, and the model as OSCAL. */
  matrixXlsx: () => 'matrix.xlsx',
  oscal: () => 'oscal-component-definition.json',
  permalinks: () => 'permalinks.json',
  /** With `--history`: what changed from release to release, and its Atom feed. */
  changes: () => 'changes/',
  changesFeed: () => 'changes.xml',
  /** What changed for one party, across the models. */
  partyChangesFeed: (id: string) => `parties/${encodeURIComponent(id)}/changes.xml`,
  schema: () => 'model.schema.json',
  /** A library's: every model, and the combined duties of the models a reader picks. */
  modelsJson: () => 'models.json',
  stack: () => 'stack/',
} as const;

/** The routes of one model's pages: at the top of a site of one model, under `<model-id>/` in a library. */
export type ModelRoutes = Pick<
  typeof routes,
  | 'home'
  | 'matrix'
  | 'party'
  | 'area'
  | 'activity'
  | 'modelJson'
  | 'matrixCsv'
  | 'assignmentsCsv'
  | 'matrixXlsx'
  | 'oscal'
  | 'permalinks'
  | 'changes'
  | 'changesFeed'
>;

/** The folder of a model's pages in a site: `''` when it is the site's only model. */
export function modelScope(modelId: string, library: boolean): string {
  return library ? `${encodeURIComponent(modelId)}/` : '';
}

export function modelRoutes(scope: string): ModelRoutes {
  if (scope === '') return routes;
  return {
    home: () => scope,
    matrix: () => `${scope}${routes.matrix()}`,
    party: (id) => `${scope}${routes.party(id)}`,
    area: (id) => `${scope}${routes.area(id)}`,
    activity: (id) => `${scope}${routes.activity(id)}`,
    modelJson: () => `${scope}${routes.modelJson()}`,
    matrixCsv: () => `${scope}${routes.matrixCsv()}`,
    assignmentsCsv: () => `${scope}${routes.assignmentsCsv()}`,
    matrixXlsx: () => `${scope}${routes.matrixXlsx()}`,
    oscal: () => `${scope}${routes.oscal()}`,
    permalinks: () => `${scope}${routes.permalinks()}`,
    changes: () => `${scope}${routes.changes()}`,
    changesFeed: () => `${scope}${routes.changesFeed()}`,
  };
}

/** Normalise a base path to start and end with `/`. */
export function normalizeBase(base: string | undefined): string {
  // Every link of every page asks for the same base.
  if (base === lastBase.given) return lastBase.normalized;
  const trimmed = trimCharacter(base ?? '/', '/');
  const normalized = trimmed ? `/${trimmed}/` : '/';
  lastBase = { given: base, normalized };
  return normalized;
}

let lastBase: { given: string | undefined; normalized: string } = { given: '/', normalized: '/' };

/** The path of a route on the hosted site: `/base/activities/nat/`. */
export function hostedPath(base: string, route: string): string {
  return `${normalizeBase(base)}${route}`;
}

/** The absolute URL of a route when the site's address is known, else its hosted path. */
export function publicUrl(site: string | undefined, base: string, route: string): string {
  const pathname = hostedPath(base, route);
  return site ? new URL(pathname, site).href : pathname;
}
