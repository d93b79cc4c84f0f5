/**
 * Search, loaded on first use: the dialog (a combobox over a listbox of results) and the
 * /search/ page. The index comes as a classic script, or inline in the single-file export,
 * so it works from `file://` too. Results are built as DOM text, never as HTML.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { expandIndex } from '../search/compact-index.ts';
import {
  documentModel,
  documentRoute,
  INDEX_OPTIONS,
  type SearchDocument,
  type SearchKind,
} from '../search/options.ts';
import { rankForReference, readQuery, termsToMark, type ReadQuery } from '../search/query.ts';
import type { SearchIndexData } from '../search/build-index.ts';
import { excerptOf } from '../search/excerpt.ts';
import { textPartOf, textPartPath } from '../search/text-parts.ts';
import { viewOfAnchor } from '../site/links.ts';
import { hrefFor, loadScript, pageContext } from './page.ts';

declare global {
  interface Window {
    onusSearchIndex?: SearchIndexData;
    onusSearchText?: Record<string, string>;
  }
}

const DIALOG_LIMIT = 20;
const KIND_LABEL: Record<SearchKind, string> = {
  activity: '',
  area: 'Area',
  party: 'Party',
  section: 'Section',
};

interface Engine {
  index: MiniSearch<SearchDocument>;
  parties: SearchIndexData['parties'];
  /** A library's models by id; results name theirs, and can be kept to one. */
  models: SearchIndexData['models'];
  textParts: number;
}

let engine: Promise<Engine> | undefined;
/** Whether the index is a library's, its ids starting with their model's. */
let library = false;

export function loadEngine(): Promise<Engine> {
  engine ??= (async () => {
    const inline = document.getElementById('onus-search-index');
    let data: SearchIndexData | undefined;
    if (inline?.textContent) {
      data = JSON.parse(inline.textContent) as SearchIndexData;
    } else {
      await loadScript('search-index.js');
      data = window.onusSearchIndex;
    }
    if (!data) throw new Error('The search index did not load');
    const loaded = {
      index: MiniSearch.loadJS(expandIndex(data.index), INDEX_OPTIONS),
      parties: data.parties,
      models: data.models,
      textParts: data.textParts,
    };
    library = data.models !== undefined;
    // For the benchmark, and anyone profiling: when the index became searchable.
    performance.mark('onus:search-index-ready');
    return loaded;
  })();
  return engine;
}

type TextOf = (result: SearchResult) => string | undefined;

/**
 * The words of these results' pages, for excerpts: only the parts they are in, loaded after
 * the results. The single file holds every page already, so it reads them there rather than
 * carry them twice.
 */
export async function textsFor(results: readonly SearchResult[], loaded: Engine): Promise<TextOf> {
  if (pageContext().mode === 'single') return textInThisFile;
  const parts = new Set(results.map((result) => textPartOf(String(result.id), loaded.textParts)));
  // Without them, results show as before: excerpts are an addition.
  await Promise.all(
    [...parts].map((part) => loadScript(textPartPath(part)).catch(() => undefined)),
  );
  const words = window.onusSearchText ?? {};
  return (result) => words[String(result.id)];
}

function textInThisFile(result: SearchResult): string | undefined {
  const anchor = resultHref(result).slice(1);
  const built = document.getElementById(anchor);
  // A section's anchor is its heading's: its words are the section's.
  if (built) return wordsOf(built.closest('section') ?? built);
  const source = document.querySelector<HTMLElement>(
    `noscript[data-view="${CSS.escape(viewOfAnchor(anchor))}"]`,
  );
  if (!source?.textContent) return undefined;
  return wordsOf(new DOMParser().parseFromString(source.textContent, 'text/html').body);
}

/**
 * What a view says — its descriptions, notes, conditions and prose — block by block, without
 * the breadcrumb, headings and labels around them, which would run together as one word.
 */
function wordsOf(view: Element): string | undefined {
  const blocks = [...view.querySelectorAll('.prose, .condition')].filter(
    (block) => !block.parentElement?.closest('.prose, .condition'),
  );
  // A view with no words of its own (an activity without notes) quotes nothing, as hosted.
  const words = blocks.map(
    (block) =>
      [...block.querySelectorAll('p, li, td, th, dd, dt, pre, h1, h2, h3, h4')]
        .filter((inner) => !inner.querySelector('p, li'))
        .map((inner) => inner.textContent ?? '')
        .join(' ') ||
      (block.textContent ?? ''),
  );
  return words.join(' ') || undefined;
}

/** The passage around the match, its words marked: why this page is a result. */
export function excerptElement(
  result: SearchResult,
  text: string | undefined,
  query: ReadQuery,
): HTMLElement | undefined {
  const excerpt =
    text === undefined
      ? undefined
      : excerptOf(text.replace(/\s+/g, ' '), termsToMark(query, result.terms));
  if (!excerpt) return undefined;
  const element = document.createElement('span');
  element.className = 'result-excerpt';
  for (const run of excerpt.runs) {
    if (run.marked) {
      const mark = document.createElement('mark');
      mark.textContent = run.text;
      element.append(mark);
    } else element.append(run.text);
  }
  return element;
}

export function search({ index }: Engine, query: ReadQuery, model = ''): SearchResult[] {
  const { text } = query;
  if (!text) return [];
  // A library's results can be kept to one model's.
  const options = model
    ? {
        ...query.options,
        filter: (result: SearchResult) => documentModel(String(result.id)) === model,
      }
    : query.options;
  const results = index.search(text, options);
  // A control's id names that control: what only matched its pieces goes, unless nothing cites it.
  if (query.reference !== undefined) {
    const cited = rankForReference(results, query.reference);
    return cited.length > 0 ? cited : results;
  }
  // When not every word matches, the closest results are still better than none.
  return results.length > 0 || !/\s/.test(text)
    ? results
    : index.search(text, { ...options, combineWith: 'OR' });
}

function resultHref(result: SearchResult): string {
  const { route, hash } = documentRoute(String(result.id), result.kind as SearchKind, library);
  return hrefFor(route, hash);
}

/**
 * A result's address with the word it matched by marked on the page it opens (a text fragment:
 * the browser scrolls to it and highlights it, no script needed). Not in the single file, whose
 * addresses are its views.
 */
export function highlightedHref(result: SearchResult, query: ReadQuery): string {
  const href = resultHref(result);
  const [word] = termsToMark(query, result.terms);
  if (!word || pageContext().mode === 'single') return href;
  return `${href}${href.includes('#') ? '' : '#'}:~:text=${encodeURIComponent(word)}`;
}

/** A library's choice of model, for the dialog: made once the index says there are several. */
function modelSelect(models: Record<string, string>): HTMLSelectElement {
  const select = document.createElement('select');
  select.className = 'search-model';
  select.setAttribute('aria-label', 'Model');
  select.append(new Option('All models', ''));
  for (const [id, title] of Object.entries(models)) select.append(new Option(title, id));
  return select;
}

/** The text of one result: title, kind, area path and party labels, as DOM nodes. */
export function renderResult(
  element: HTMLElement,
  result: SearchResult,
  { parties, models }: Engine,
  query?: ReadQuery,
): void {
  const kind = KIND_LABEL[result.kind as SearchKind];
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = result.title as string;
  element.append(title);
  if (kind) {
    const tag = document.createElement('span');
    tag.className = 'result-kind';
    tag.textContent = kind;
    element.append(' ', tag);
  }
  if (models) {
    const model = document.createElement('span');
    model.className = 'result-model';
    model.textContent = `in ${models[documentModel(String(result.id))] ?? ''}`;
    element.append(model);
  }
  if (result.path) {
    const path = document.createElement('span');
    path.className = 'result-path';
    path.textContent = result.path as string;
    element.append(path);
  }
  // The ids it matched by, as the reader cites them: "CCM A&A-01", the id asked for marked.
  const cited = String(result.references ?? '');
  if (cited && Object.values(result.match).some((fields) => fields.includes('references'))) {
    const references = document.createElement('span');
    references.className = 'result-references';
    cited.split('\n').forEach((entry, index) => {
      if (index > 0) references.append(' · ');
      const id = entry.split(' ').at(-1) ?? '';
      if (query?.reference !== undefined && id.toLowerCase() === query.reference) {
        const mark = document.createElement('mark');
        mark.textContent = id;
        references.append(entry.slice(0, entry.length - id.length), mark);
      } else references.append(entry);
    });
    element.append(references);
  }
  const ids = String(result.parties ?? '')
    .split(' ')
    .filter(Boolean);
  if (ids.length > 0 && result.kind === 'activity') {
    const labels = document.createElement('span');
    labels.className = 'result-parties';
    for (const id of ids) {
      const party = parties[id];
      if (!party) continue;
      const label = document.createElement('span');
      label.className = `badge party-label ${party.color}`;
      label.textContent = party.label;
      labels.append(label, ' ');
    }
    element.append(labels);
  }
}

export function describeCount(count: number, query: string): string {
  if (!query.trim()) return '';
  if (count === 0) return `No results for “${query.trim()}”`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${query.trim()}”`;
}

function setUpDialog(dialog: HTMLDialogElement): () => void {
  const input = dialog.querySelector<HTMLInputElement>('input[role="combobox"]')!;
  const list = dialog.querySelector<HTMLUListElement>('[role="listbox"]')!;
  const status = dialog.querySelector<HTMLElement>('.search-status')!;
  const more = dialog.querySelector<HTMLAnchorElement>('.search-more');
  let model: HTMLSelectElement | undefined;
  let options: HTMLElement[] = [];
  let active = -1;
  let pending = 0;

  const setActive = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = options.length === 0 ? -1 : (index + options.length) % options.length;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const go = (option: HTMLElement | undefined) => {
    const href = option?.dataset.href;
    if (!href) return;
    dialog.close();
    location.href = href;
  };

  const run = async () => {
    const query = input.value;
    const ticket = ++pending;
    if (!engine) status.textContent = 'Loading the search index…';
    const loaded = await loadEngine().catch(() => undefined);
    if (ticket !== pending) return;
    if (!loaded) {
      status.textContent = 'The search index could not be loaded.';
      return;
    }
    if (loaded.models && !model) {
      model = modelSelect(loaded.models);
      model.addEventListener('change', () => void run());
      input.parentElement?.after(model);
    }
    const read = readQuery(query);
    const results = search(loaded, read, model?.value);
    list.replaceChildren();
    const shown = results.slice(0, DIALOG_LIMIT);
    options = shown.map((result, index) => {
      const option = document.createElement('li');
      option.id = `search-option-${index}`;
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.href = highlightedHref(result, read);
      renderResult(option, result, loaded, read);
      option.addEventListener('click', () => go(option));
      return option;
    });
    list.append(...options);
    // Why each is a result, once the words have come (they never hold the results up).
    if (shown.length > 0) {
      void textsFor(shown, loaded).then((textOf) => {
        if (ticket !== pending) return;
        shown.forEach((result, index) => {
          const excerpt = excerptElement(result, textOf(result), read);
          if (excerpt) options[index]!.append(excerpt);
        });
      });
    }
    active = -1;
    input.setAttribute('aria-expanded', String(options.length > 0));
    if (options.length > 0) setActive(0);
    status.textContent = describeCount(results.length, query);
    if (more) {
      more.hidden = results.length <= DIALOG_LIMIT || pageContext().mode === 'single';
      more.href = `${hrefFor('search/')}?q=${encodeURIComponent(query.trim())}${model?.value ? `&model=${encodeURIComponent(model.value)}` : ''}`;
    }
  };

  input.addEventListener('input', () => void run());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') setActive(active + 1);
    else if (event.key === 'ArrowUp') setActive(active - 1);
    else if (event.key === 'Home' && options.length > 0 && event.ctrlKey) setActive(0);
    else if (event.key === 'End' && options.length > 0 && event.ctrlKey)
      setActive(options.length - 1);
    else if (event.key === 'Enter') go(options[active] ?? options[0]);
    // A search field would spend Esc on clearing itself; here Esc closes, as promised.
    else if (event.key === 'Escape') dialog.close();
    else return;
    event.preventDefault();
  });
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.querySelector('.search-close')?.addEventListener('click', () => dialog.close());

  return () => {
    if (!dialog.open) dialog.showModal();
    if (document.activeElement !== input) {
      input.focus();
      input.select();
    }
    void run();
  };
}

// The page script makes the dialog on first use: in the single file, after this script ran.
let openDialog: (() => void) | undefined;
window.onusSearch = {
  open: () => {
    const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
    if (!dialog) return;
    openDialog ??= setUpDialog(dialog);
    openDialog();
  },
};
