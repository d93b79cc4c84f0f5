import { linkMode } from './config.ts';
import { relativeFile } from './links.ts';
import { publicUrl } from './routes.ts';
import type { SiteModel } from './site-model.ts';
import { pagesBase } from './pages-base.ts';

/**
 * The address a CSV gives a page: the hosted one, or — from disk without the site's address —
 * the page relative to the CSV, which is where it is (a root-relative address would lead
 * nowhere from disk). `site` is the model whose CSV it is; none for a library's.
 */
export function csvPageUrl(
  address: URL | undefined,
  site: SiteModel | undefined,
): (route: string) => string {
  const scope = site && site.inLibrary ? site.routes.home() : '';
  return (route) =>
    !address && linkMode() === 'files'
      ? relativeFile(scope, route)
      : publicUrl(address?.href, pagesBase(), route);
}
