/**
 * A library's catalog filter, and "my stack": one party's duties across the models a reader
 * picks, put together from `stack-data.js`, the choice kept in the address. Without this
 * script the catalog shows every model and the party pages list every duty.
 */
import { csvText } from '../export/csv-text.ts';
import { routes } from '../site/routes.ts';
import { editionOf, listInWords, sentenceCase } from '../site/words.ts';
import {
  checkedChoice,
  choiceFromSearch,
  describeChoice,
  dutiesOf,
  searchFromChoice,
  stackCounts,
  type Duty,
  type StackData,
} from '../site/stack.ts';
import { hrefFor, pageContext } from './page.ts';
import { changesContent } from './stack-changes.ts';
import { VIEW_BUILT } from './views.ts';

declare global {
  interface Window {
    onusStack?: StackData;
  }
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function setUpCatalog(form: HTMLFormElement): void {
  const query = form.elements.namedItem('q') as HTMLInputElement;
  const party = form.elements.namedItem('party') as HTMLSelectElement;
  const output = form.querySelector('output')!;
  const scope = form.parentElement ?? document;
  const cards = [...scope.querySelectorAll<HTMLElement>('.model-card')];
  const empty = scope.querySelector<HTMLElement>('.catalog-empty');
  const keepInAddress = pageContext().mode !== 'single';
  if (keepInAddress) {
    const params = new URLSearchParams(location.search);
    query.value = params.get('q') ?? '';
    party.value = params.get('party') ?? '';
    if (party.selectedIndex < 0) party.value = '';
  }
  const apply = () => {
    const words = query.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const card of cards) {
      const text = card.dataset.text ?? '';
      const show =
        words.every((word) => text.includes(word)) &&
        (!party.value || (card.dataset.parties ?? '').split(' ').includes(party.value));
      card.hidden = !show;
      if (show) shown += 1;
    }
    const filtered = words.length > 0 || party.value !== '';
    output.textContent = filtered
      ? `Showing ${shown} of ${count(cards.length, 'model', 'models')}`
      : count(cards.length, 'model', 'models');
    if (empty) {
      empty.hidden = shown > 0;
      // Words no model's title or summary holds may be in its activities: search them there.
      const search = empty.querySelector<HTMLAnchorElement>('a.catalog-search');
      const q = query.value.trim();
      if (search && pageContext().mode !== 'single') {
        search.href = `${hrefFor(routes.search())}${q ? `?q=${encodeURIComponent(q)}` : ''}`;
      }
    }
    if (keepInAddress) {
      const params = new URLSearchParams();
      if (query.value) params.set('q', query.value);
      if (party.value) params.set('party', party.value);
      const search = params.toString();
      history.replaceState(
        history.state,
        '',
        `${location.pathname}${search ? `?${search}` : ''}${location.hash}`,
      );
    }
  };
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}

function setUpStack(form: HTMLFormElement): void {
  const data = window.onusStack;
  const scope = form.parentElement ?? document;
  const result = scope.querySelector<HTMLElement>('.stack-result');
  if (!data || !result) return;
  scope.querySelector<HTMLElement>('.stack-needs-script')?.setAttribute('hidden', '');
  const heading = result.querySelector<HTMLElement>('h2')!;
  const list = result.querySelector<HTMLElement>('.stack-list')!;
  const summary = result.querySelector<HTMLElement>('.stack-choice');
  const address = result.querySelector<HTMLElement>('.stack-address');
  const notice = scope.querySelector<HTMLElement>('.stack-notice');
  const csv = result.querySelector<HTMLAnchorElement>('.stack-csv')!;
  const party = form.elements.namedItem('party') as HTMLSelectElement;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const versions = [...form.querySelectorAll<HTMLSelectElement>('select[name=since]')];
  const changes = result.querySelector<HTMLElement>('.stack-changes');
  const changesCsv = result.querySelector<HTMLAnchorElement>('.stack-changes-csv');
  const links = permanentLinks(data);
  let csvUrl: string | undefined;
  let changesUrl: string | undefined;

  // What the address asks for, kept to what exists; what does not is said, not guessed at.
  const fromAddress = () => {
    const { choice, unknown } = checkedChoice(data, choiceFromSearch(location.search));
    party.value = choice.party;
    if (party.selectedIndex < 0) party.selectedIndex = 0;
    for (const box of boxes) {
      box.checked = (box.name === 'model' ? choice.models : choice.contexts).includes(box.value);
    }
    for (const select of versions) {
      select.value =
        choice.since.find((entry) => select.dataset.model === entry.split(':')[0]) ?? '';
    }
    if (notice) {
      notice.hidden = unknown.length === 0;
      notice.textContent =
        unknown.length === 0
          ? ''
          : `This address names ${listInWords(unknown)}, which ${unknown.length === 1 ? 'is' : 'are'} in none of these models: left out. Showing the list for what exists.`;
    }
  };
  const choice = () => ({
    party: party.value,
    models: boxes.filter((box) => box.name === 'model' && box.checked).map((box) => box.value),
    contexts: boxes.filter((box) => box.name === 'context' && box.checked).map((box) => box.value),
    since: versions.map((select) => select.value).filter(Boolean),
  });

  const render = () => {
    const picked = choice();
    const duties = dutiesOf(data, picked);
    const counts = stackCounts(data, picked);
    const name = party.selectedOptions[0]?.textContent?.trim() ?? picked.party;
    const models = picked.models.length || data.models.length;
    const part = counts.takesPart > 0 ? `, takes part in ${counts.takesPart} more` : '';
    heading.textContent = `${name}: responsible for ${count(counts.responsible, 'activity', 'activities')}${part} in ${count(models, 'model', 'models')}`;
    // Said in words too, so that a printout or a shared copy says what it was taken from.
    if (summary) summary.textContent = describeChoice(data, picked);
    const here = links.stack(searchFromChoice(picked));
    if (address) {
      address.hidden = here === undefined;
      address.textContent = here === undefined ? '' : `This list: ${here}`;
    }
    list.replaceChildren(
      ...byModel(duties).map(([model, rows]) => modelSection(model, rows, links)),
    );
    if (duties.length === 0) {
      const none = document.createElement('p');
      none.textContent = `${name} holds nothing in the models and contexts picked.`;
      list.append(none);
    }
    if (csvUrl) URL.revokeObjectURL(csvUrl);
    // A byte order mark, so that Excel reads the file as UTF-8 ("—", not "â€”").
    csvUrl = URL.createObjectURL(
      new Blob(['\uFEFF', dutiesCsv(duties, name, links)], { type: 'text/csv;charset=utf-8' }),
    );
    csv.href = csvUrl;
    csv.download = `${picked.party || 'party'}-duties.csv`;
    if (changes) {
      const content = changesContent(data, picked, name, links.activity);
      changes.hidden = content === undefined;
      changes.replaceChildren(...(content?.nodes ?? []));
      if (changesUrl) URL.revokeObjectURL(changesUrl);
      changesUrl = content
        ? URL.createObjectURL(new Blob(['\uFEFF', content.csv], { type: 'text/csv;charset=utf-8' }))
        : undefined;
      if (changesCsv) {
        changesCsv.hidden = changesUrl === undefined;
        changesCsv.href = changesUrl ?? '#stack-heading';
        changesCsv.download = `${picked.party || 'party'}-changes.csv`;
      }
    }
    result.hidden = false;
  };

  // The list follows the form as it changes; each change is a step Back returns from.
  const changed = () => {
    const search = searchFromChoice(choice());
    if (search !== location.search) {
      history.pushState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
    notice?.setAttribute('hidden', '');
    render();
  };
  form.addEventListener('change', changed);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    changed();
    heading.focus();
  });
  addEventListener('popstate', () => {
    fromAddress();
    render();
  });
  result.querySelector('.stack-print')?.addEventListener('click', () => window.print());
  fromAddress();
  render();
}

/**
 * The addresses a printout or a CSV can cite: the site's public one when it was built with its
 * address, the page's own when hosted; none in a copy opened from disk, whose links lead to the
 * reader's own files.
 */
interface PermanentLinks {
  activity: (route: string) => string | undefined;
  stack: (search: string) => string | undefined;
}

function permanentLinks(data: StackData): PermanentLinks {
  const hosted = pageContext().mode === 'hosted';
  const base = data.site ?? (hosted ? new URL(hrefFor(''), location.href).href : undefined);
  return {
    activity: (route) => (base === undefined ? undefined : new URL(route, base).href),
    stack: (search) =>
      base === undefined ? undefined : `${new URL(routes.stack(), base).href}${search}`,
  };
}

function byModel(duties: readonly Duty[]): Array<[Duty['model'], Duty[]]> {
  const groups = new Map<Duty['model'], Duty[]>();
  for (const duty of duties) groups.set(duty.model, [...(groups.get(duty.model) ?? []), duty]);
  return [...groups];
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function modelSection(
  model: Duty['model'],
  duties: readonly Duty[],
  links: PermanentLinks,
): HTMLElement {
  const section = element('section');
  const title = element('h3');
  const link = element('a', model.title);
  link.href = hrefFor(model.route);
  const responsible = duties.filter((duty) => duty.responsible).length;
  const part = duties.length - responsible;
  title.append(
    link,
    ` (responsible for ${count(responsible, 'activity', 'activities')}${part > 0 ? `, takes part in ${part}` : ''})`,
  );
  // The edition a printout cites.
  const edition = editionOf(model);
  const table = element('table', undefined, 'stack-table');
  const head = element('tr');
  const labels = ['Activity', 'Area', 'Level', 'Notes'];
  for (const label of labels) {
    const cell = element('th', label);
    cell.scope = 'col';
    head.append(cell);
  }
  table.append(element('thead'), element('tbody'));
  table.tHead!.append(head);
  for (const duty of duties) {
    const row = element('tr');
    const name = element('th');
    name.scope = 'row';
    const activity = element('a', duty.activity.title);
    activity.href = hrefFor(duty.activity.route);
    const cited = [duty.activity.id, ...duty.activity.references].join(' · ');
    name.append(activity, element('span', cited, 'stack-id'));
    const permalink = links.activity(duty.activity.route);
    if (permalink) name.append(element('span', permalink, 'stack-permalink print-only'));
    const levels = element('td');
    const notes = element('td');
    // A note written once for the party's entries is shown once.
    const oneNote = new Set(duty.entries.map((entry) => entry.note)).size === 1;
    for (const entry of duty.entries) {
      const level = element('p', entry.level.name);
      if (entry.contexts.length > 0) level.append(` in ${entry.contexts.join(', ')}`);
      levels.append(level);
      // With several entries, each one's words say which they are on: "Shares in PaaS: …".
      const where =
        duty.entries.length > 1
          ? `${entry.level.name}${entry.contexts.length > 0 ? ` in ${entry.contexts.join(', ')}` : ''}: `
          : '';
      if (entry.condition) {
        notes.append(element('p', `${where}Condition: ${entry.condition}`, 'condition'));
      }
      for (const footnote of entry.footnotes ?? []) {
        notes.append(element('p', `${where}Footnote: ${footnote}`, 'condition'));
      }
      if (entry.note && !oneNote) notes.append(element('p', `${where}${entry.note}`));
    }
    const note = duty.entries[0]!.note;
    if (oneNote && note) notes.append(element('p', note));
    const area = element('td', duty.activity.path.join(' › '));
    [area, levels, notes].forEach((cell, index) => (cell.dataset.label = labels[index + 1]!));
    row.append(name, area, levels, notes);
    table.tBodies[0]!.append(row);
  }
  section.append(title);
  if (edition) section.append(element('p', `${sentenceCase(edition)}.`, 'meta'));
  section.append(table);
  return section;
}

/**
 * The list as CSV: a row per level an activity is held at, naming the party, the model and its
 * edition, the contexts (all of the activity's when it is held in each), the references and the
 * permanent link, so that a row can be cited alone.
 */
function dutiesCsv(duties: readonly Duty[], party: string, links: PermanentLinks): string {
  return csvText([
    [
      'Party',
      'Model',
      'Model version',
      'Last reviewed',
      'Area',
      'Activity',
      'Id',
      'References',
      'Level',
      'Responsible',
      'Contexts',
      'Condition',
      'Footnotes',
      'Note',
      'Permanent link',
    ],
    ...duties.flatMap((duty) =>
      duty.entries.map((entry) => [
        party,
        duty.model.title,
        duty.model.version ?? '',
        duty.model.reviewed ?? '',
        duty.activity.path.join(' > '),
        duty.activity.title,
        duty.activity.id,
        duty.activity.references.join('; '),
        entry.level.name,
        entry.level.responsible ? 'yes' : 'no',
        entry.contexts.join('; '),
        entry.condition ?? '',
        (entry.footnotes ?? []).join('\n'),
        entry.note ?? '',
        links.activity(duty.activity.route) ?? '',
      ]),
    ),
  ]);
}

const setUp = (root: ParentNode) => {
  const catalog = root.querySelector<HTMLFormElement>('form[data-catalog-filter]');
  if (catalog) setUpCatalog(catalog);
  const stack = root.querySelector<HTMLFormElement>('form[data-stack-form]');
  if (stack) setUpStack(stack);
};
setUp(document);
// The single file builds a view when it is first shown.
addEventListener(VIEW_BUILT, (event) => setUp(event.target as ParentNode));
