/**
 * The /search/ page: the search script's dialog, and the page's own list of every result with
 * its excerpt. A script of its own, so that pages that only open the dialog — and the single
 * file, which has no search page — carry none of it.
 */
import { readQuery } from '../search/query.ts';
import {
  describeCount,
  excerptElement,
  highlightedHref,
  loadEngine,
  renderResult,
  search,
  textsFor,
} from './search.ts';

function setUpSearchPage(page: HTMLElement): void {
  const input = page.querySelector<HTMLInputElement>('input[name="q"]')!;
  const list = page.querySelector<HTMLOListElement>('.search-page-results')!;
  const status = page.querySelector<HTMLElement>('.search-status')!;
  const empty = page.querySelector<HTMLElement>('.search-empty');
  const model = page.querySelector<HTMLSelectElement>('select[name="model"]');
  let ticket = 0;
  let observer: IntersectionObserver | undefined;

  const run = async () => {
    const query = input.value;
    const mine = ++ticket;
    const loaded = await loadEngine();
    if (mine !== ticket) return;
    const read = readQuery(query);
    const results = search(loaded, read, model?.value);
    const links = results.map((result) => {
      const link = document.createElement('a');
      link.href = highlightedHref(result, read);
      renderResult(link, result, loaded, read);
      return link;
    });
    list.replaceChildren(
      ...links.map((link) => {
        const item = document.createElement('li');
        item.append(link);
        return item;
      }),
    );
    status.textContent = describeCount(results.length, query);
    if (empty) empty.hidden = results.length > 0 || !query.trim();
    // Each result's excerpt comes as it nears the screen: a long list loads only what is read.
    observer?.disconnect();
    const resultOf = new Map(links.map((link, index) => [link as Element, results[index]!]));
    observer = new IntersectionObserver(
      (entries) => {
        const near = entries.filter((entry) => entry.isIntersecting).map((entry) => entry.target);
        if (near.length === 0) return;
        near.forEach((link) => observer!.unobserve(link));
        void textsFor(
          near.map((link) => resultOf.get(link)!),
          loaded,
        ).then((textOf) => {
          if (mine !== ticket) return;
          for (const link of near) {
            const result = resultOf.get(link)!;
            const excerpt = excerptElement(result, textOf(result), read);
            if (excerpt) link.append(excerpt);
          }
        });
      },
      { rootMargin: '1000px 0px' },
    );
    links.forEach((link) => observer!.observe(link));
    try {
      const search = [
        query.trim() && `q=${encodeURIComponent(query.trim())}`,
        model?.value && `model=${encodeURIComponent(model.value)}`,
      ]
        .filter(Boolean)
        .join('&');
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
    } catch {
      // The address may not change for a page opened from disk; results still show.
    }
  };
  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  if (model) {
    model.value = params.get('model') ?? '';
    if (model.selectedIndex < 0) model.value = '';
    model.addEventListener('change', () => void run());
  }
  input.addEventListener('input', () => void run());
  page.querySelector('form')?.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  if (input.value) void run();
}

const page = document.querySelector<HTMLElement>('[data-search-page]');
if (page) setUpSearchPage(page);
