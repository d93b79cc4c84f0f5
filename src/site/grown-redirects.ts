import type { Library } from './library.ts';
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

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

function redirectPage(targets: readonly Target[], base: string): string {
  const href = (target: Target) => escape(hostedPath(base, target.route));
  const [only] = targets;
  const head = [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    '<meta name="color-scheme" content="light dark">',
    // Without it the browser asks for /favicon.ico, which the site does not have.
    `<link rel="icon" href="${escape(hostedPath(base, 'favicon.svg'))}" type="image/svg+xml">`,
  ];
  if (targets.length === 1 && only) {
    return [
      ...head,
      `<title>${escape(only.title)} · moved</title>`,
      `<link rel="canonical" href="${href(only)}">`,
      `<meta http-equiv="refresh" content="0; url=${href(only)}">`,
      '</head>',
      '<body>',
      '<main>',
      '<h1>This page has moved</h1>',
      `<p>It is now <a href="${href(only)}">${escape(only.title)}</a> in ${escape(only.model)}. Update links that point here.</p>`,
      '</main>',
      '</body>',
      '</html>',
      '',
    ].join('\n');
  }
  return [
    ...head,
    `<title>${escape(only?.title ?? '')} · in several models</title>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>This page is now in several models</h1>',
    '<p>This address belonged to a site of one model. The site now publishes several, and more than one has an item with this id: choose the one you were looking for, and update links that point here.</p>',
    '<ul>',
    ...targets.map(
      (target) =>
        `<li><a href="${href(target)}">${escape(target.title)}</a> in ${escape(target.model)}</li>`,
    ),
    '</ul>',
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
