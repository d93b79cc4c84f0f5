/**
 * Filters the matrix by text, party, level and context, kept in the address. Without this
 * script the whole table is shown.
 */
import { searchRoute } from '../site/routes.ts';
import { hrefFor, pageContext } from './page.ts';
import { VIEW_BUILT } from './views.ts';

function setUp(form: HTMLFormElement): void {
  const table = form.parentElement?.querySelector<HTMLTableElement>('table.matrix');
  const query = form.elements.namedItem('q') as HTMLInputElement | null;
  const party = form.elements.namedItem('party') as HTMLSelectElement | null;
  const level = form.elements.namedItem('level') as HTMLSelectElement | null;
  const context = form.elements.namedItem('context') as HTMLSelectElement | null;
  const output = form.querySelector('output');
  if (!table || !query || !party || !output) return;
  const responsible = new Set((form.dataset.responsible ?? '').split(' '));
  const selects = { party, level, context };
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr.activity-row')];
  const areaRows = [...table.querySelectorAll<HTMLTableRowElement>('tr.area-row')];
  const caption = table.querySelector<HTMLElement>('.matrix-count');
  const empty = table.parentElement?.querySelector<HTMLElement>('.matrix-empty');
  const keepInAddress = pageContext().mode !== 'single';
  // What the words filter: a row header's title and the areas it is in.
  const texts = new Map(rows.map((row) => [row, row.cells[0]?.textContent?.toLowerCase() ?? '']));
  const activities = (count: number) => `${count} ${count === 1 ? 'activity' : 'activities'}`;
  const chosen = (label: string, select: HTMLSelectElement | null) =>
    select?.value ? `${label}: ${select.selectedOptions[0]?.textContent?.trim()}` : '';

  if (keepInAddress) {
    const params = new URLSearchParams(location.search);
    query.value = params.get('q') ?? '';
    for (const [name, select] of Object.entries(selects)) {
      if (!select) continue;
      select.value = params.get(name) ?? '';
      if (select.selectedIndex < 0) select.value = '';
    }
  }

  /** Whether a row's `party/level/context` entries hold one that every chosen filter accepts. */
  const holds = (row: HTMLTableRowElement, wanted: Record<string, string>) =>
    (row.dataset.holds ?? '').split(' ').some((entry) => {
      const [who, what, where] = entry.split('/');
      return (
        (!wanted.party || who === wanted.party) &&
        (wanted.level ? what === wanted.level : !wanted.party || responsible.has(what ?? '')) &&
        (!wanted.context || where === '*' || where === wanted.context)
      );
    });

  const apply = () => {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    const wanted = {
      party: party.value,
      level: level?.value ?? '',
      context: context?.value ?? '',
    };
    const filtering = wanted.party || wanted.level || wanted.context;
    const shownIn = new Map<string, number>();
    let shown = 0;
    for (const row of rows) {
      const text = texts.get(row) ?? '';
      const match =
        (!filtering || holds(row, wanted)) && words.every((word) => text.includes(word));
      row.hidden = !match;
      if (!match) continue;
      shown++;
      for (const area of (row.dataset.areas ?? '').split(' ')) {
        if (area) shownIn.set(area, (shownIn.get(area) ?? 0) + 1);
      }
    }
    // A context chosen shows its column only, so that the table answers for that context.
    for (const cell of table.querySelectorAll<HTMLElement>('[data-context]')) {
      cell.hidden = wanted.context !== '' && cell.dataset.context !== wanted.context;
    }
    const filtered = filtering || words.length > 0;
    // Every count on the page follows the filters, and the caption (which prints) names them.
    for (const row of areaRows) {
      const count = shownIn.get(row.dataset.area ?? '') ?? 0;
      row.hidden = count === 0;
      const text = row.querySelector<HTMLElement>('.count');
      const total = Number(text?.dataset.total);
      if (text) {
        text.textContent = ` (${filtered ? `${count} of ${activities(total)}` : activities(total)})`;
      }
    }
    const summary = [
      words.length > 0 ? `text: “${query.value.trim()}”` : '',
      chosen('party', party),
      chosen('level', level),
      chosen('context', context),
    ]
      .filter(Boolean)
      .join('; ');
    const counted = filtered
      ? `Showing ${shown} of ${activities(rows.length)}`
      : activities(rows.length);
    output.textContent = counted;
    if (caption) caption.textContent = filtered ? `${counted} (${summary})` : counted;
    if (empty) {
      empty.hidden = shown > 0;
      const search = empty.querySelector<HTMLAnchorElement>('a.search-text');
      const q = query.value.trim();
      if (search && pageContext().mode !== 'single') {
        search.href = `${hrefFor(searchRoute())}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
      }
    }
    if (keepInAddress) remember({ q: words.length > 0 ? query.value.trim() : '', ...wanted });
  };

  empty?.querySelector('button.clear-filters')?.addEventListener('click', () => {
    form.reset();
    for (const select of [party, level, context]) if (select) select.value = '';
    query.value = '';
    apply();
    query.focus();
  });
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  if (query.value || party.value || level?.value || context?.value) apply();
}

function remember(filters: Record<string, string>): void {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) params.set(name, value);
  const search = params.toString();
  try {
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  } catch {
    // Some browsers refuse to change the address of a page opened from disk: filtering still works.
  }
}

const setUpWithin = (root: ParentNode) => {
  for (const form of root.querySelectorAll<HTMLFormElement>('form.matrix-filters')) setUp(form);
};
setUpWithin(document);
// In the single file, the matrix's view may be built after this script ran.
addEventListener(VIEW_BUILT, (event) => setUpWithin(event.target as Element));
