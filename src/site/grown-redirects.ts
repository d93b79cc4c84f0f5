import type { Library } from './library.ts';
import { escapeMarkup } from './escape-markup.ts';
import { hostedPath, routes } from './routes.ts';

/** A file of the built site: its path from the site's root, and its HTML. */
export interface RedirectFile {
  file: string;
  html: string;
}

interface Target {
  title: string;
  model: string;
  route: string;
}

/**
 * In a library, every address a site of one model had (`activities/<id>/`, `areas/<id>/`, former
 * ids included) as a page that sends the reader on to where that item now is, under its
 * model's folder — so that a site that grew from one model to several keeps the links already
 * pasted into tickets and findings working. An id that several models hold gets a page that
 * lists them. Plain HTML written beside the build: thousands of them cost no rendering.
 */
export function grownRedirects(library: Library, base: string): RedirectFile[] {
  if (!library.isLibrary) return [];
  const at = new Map<string, Target[]>();
  const add = (route: string, target: Target) => {
    const list = at.get(route) ?? [];
    if (!list.some((entry) => entry.route === target.route)) list.push(target);
    at.set(route, list);
  };
  for (const site of library.models) {
    const model = site.model.title;
    for (const activity of site.model.activities) {
      const target = { title: activity.title, model, route: site.routes.activity(activity.id) };
      for (const id of [activity.id, ...(activity.formerIds ?? [])])
        add(routes.activity(id), target);
    }
    for (const area of site.model.areas) {
      const target = { title: area.title, model, route: site.routes.area(area.id) };
      for (const id of [area.id, ...(area.formerIds ?? [])]) add(routes.area(id), target);
    }
  }
  return [...at].map(([route, targets]) => ({
    file: `${decodeURIComponent(route)}index.html`,
    html: redirectPage(targets, base),
  }));
}

function redirectPage(targets: readonly Target[], base: string): string {
  const href = (target: Target) => escapeMarkup(hostedPath(base, target.route));
  const link = (target: Target) =>
    `<a href="${href(target)}">${escapeMarkup(target.title)}</a> in ${escapeMarkup(target.model)}`;
  const [only] = targets;
  if (targets.length === 1 && only) {
    return page(
      `${only.title} · moved`,
      [
        `<link rel="canonical" href="${href(only)}">`,
        `<meta http-equiv="refresh" content="0; url=${href(only)}">`,
      ],
      [
        '<h1>This page has moved</h1>',
        `<p>It is now ${link(only)}. Update links that point here.</p>`,
      ],
    );
  }
  return page(
    `${only?.title ?? ''} · in several models`,
    [],
    [
      '<h1>This page is now in several models</h1>',
      '<p>This address belonged to a site of one model. The site now publishes several, and more than one has an item with this id: choose the one you were looking for, and update links that point here.</p>',
      '<ul>',
      ...targets.map((target) => `<li>${link(target)}</li>`),
      '</ul>',
    ],
  );

  function page(title: string, head: readonly string[], main: readonly string[]): string {
    return [
      '<!doctype html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<meta name="robots" content="noindex">',
      '<meta name="color-scheme" content="light dark">',
      // Without it the browser asks for /favicon.ico, which the site does not have.
      `<link rel="icon" href="${escapeMarkup(hostedPath(base, 'favicon.svg'))}" type="image/svg+xml">`,
      `<title>${escapeMarkup(title)}</title>`,
      ...head,
      '</head>',
      '<body>',
      '<main>',
      ...main,
      '</main>',
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }
}
