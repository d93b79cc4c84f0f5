/** Filters the matrix by party and by text. Without this script the whole table is shown. */
import { pageContext } from './page.ts';
import { VIEW_BUILT } from './views.ts';

function setUp(form: HTMLFormElement): void {
  const table = form.parentElement?.querySelector<HTMLTableElement>('table.matrix');
  const query = form.elements.namedItem('q') as HTMLInputElement | null;
  const party = form.elements.namedItem('party') as HTMLSelectElement | null;
  const output = form.querySelector('output');
  if (!table || !query || !party || !output) return;
  const rows = [...table.querySelectorAll<HTMLTableRowElement>('tr.activity-row')];
  const areaRows = [...table.querySelectorAll<HTMLTableRowElement>('tr.area-row')];
  const keepInAddress = pageContext().mode !== 'single';

  if (keepInAddress) {
    const params = new URLSearchParams(location.search);
    query.value = params.get('q') ?? '';
    party.value = params.get('party') ?? '';
    if (party.selectedIndex < 0) party.value = '';
  }

  const apply = () => {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    const wanted = party.value;
    const visibleAreas = new Set<string>();
    let shown = 0;
    for (const row of rows) {
      const text = row.dataset.text ?? '';
      const match =
        (!wanted || (row.dataset.parties ?? '').split(' ').includes(wanted)) &&
        words.every((word) => text.includes(word));
      row.hidden = !match;
      if (!match) continue;
      shown++;
      for (const area of (row.dataset.areas ?? '').split(' ')) if (area) visibleAreas.add(area);
    }
    for (const row of areaRows) row.hidden = !visibleAreas.has(row.dataset.area ?? '');
    output.textContent =
      shown === rows.length
        ? `${rows.length} activities`
        : `Showing ${shown} of ${rows.length} activities`;
    if (keepInAddress) remember(words.length > 0 ? query.value.trim() : '', wanted);
  };

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    apply();
  });
  if (query.value || party.value) apply();
}

function remember(text: string, party: string): void {
  const params = new URLSearchParams();
  if (text) params.set('q', text);
  if (party) params.set('party', party);
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
