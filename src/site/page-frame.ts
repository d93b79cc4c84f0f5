import type { Library } from './library.ts';
import type { SiteModel } from './site-model.ts';

/** What every page tells its layout: Onus's own (Base.astro) or Starlight's frame. */
export interface LayoutProps {
  /**
   * The model the page belongs to. A library's own pages (its catalog, a party across the
   * models, "my stack", search) have none; on a site of one model, every page has it.
   */
  site?: SiteModel | undefined;
  /** The page's own title; the model's title is added after it. */
  title?: string;
  description?: string;
  /** The page's route, for its canonical URL and the current navigation entry. */
  route: string;
  /** Whether search engines should index the page. */
  index?: boolean;
  /** For a former id's page: where the item is now. The page sends the reader on. */
  movedTo?: string;
}

/** The model a page shows, its title and its summary, as either layout frames the page. */
export function pageFrame(props: LayoutProps, library: Library) {
  const site = props.site ?? (library.isLibrary ? undefined : library.models[0]);
  const siteTitle = site?.model.title ?? library.title;
  return {
    site,
    model: site?.model,
    siteTitle,
    fullTitle: props.title ? `${props.title} · ${siteTitle}` : siteTitle,
    summary:
      props.description ?? site?.model.description ?? `Who is responsible for what: ${siteTitle}.`,
  };
}
