import { writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { escapeMarkup } from './escape-markup.ts';

/**
 * Writes `sitemap.xml` (one file, as the site's URL plan promises) when the site's address is
 * known; without `site` there is no absolute URL to list, so none is written.
 */
export function sitemap(): AstroIntegration {
  let site: URL | undefined;
  return {
    name: 'onus-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ? new URL(config.base, config.site) : undefined;
      },
      'astro:build:done': async ({ dir, pages }) => {
        if (!site) return;
        const base = site;
        const urls = pages
          .map(({ pathname }) => pathname)
          .filter((pathname) => !/^404\/?$/.test(pathname))
          .map((pathname) => new URL(pathname, base).href)
          .sort();
        const body = urls.map((url) => `  <url><loc>${escapeMarkup(url)}</loc></url>`).join('\n');
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
        await writeFile(new URL('sitemap.xml', dir), xml);
      },
    },
  };
}
