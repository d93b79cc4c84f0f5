import { anchorInSingleFile, relativeFile, type LinkMode } from '../site/links.ts';

/**
 * What the page says about itself — on `<html>`, or on its wrapper when another site frames
 * it: how it links, and where the site's root is.
 */
export function pageContext(): { mode: LinkMode; root: string } {
  const holder =
    document.querySelector<HTMLElement>('[data-onus-root]') ?? document.documentElement;
  const { onusMode, onusRoot } = holder.dataset;
  const mode: LinkMode = onusMode === 'files' || onusMode === 'single' ? onusMode : 'hosted';
  return { mode, root: onusRoot ?? '/' };
}

/** The href of a route from the current page, in the page's link mode. */
export function hrefFor(route: string, hash?: string): string {
  const { mode, root } = pageContext();
  if (mode === 'single') return `#${anchorInSingleFile(route, hash)}`;
  const path = mode === 'files' ? relativeFile('', route) : route;
  return `${root}${path}${hash ? `#${hash}` : ''}`;
}

/** Load a classic script once (`file://` allows classic scripts, not modules or fetch). */
const loading = new Map<string, Promise<void>>();
export function loadScript(path: string): Promise<void> {
  let promise = loading.get(path);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `${pageContext().root}${path}`;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`Could not load ${path}`));
      document.head.append(script);
    });
    loading.set(path, promise);
  }
  return promise;
}
