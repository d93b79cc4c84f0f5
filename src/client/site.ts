/**
 * The one script every page loads (deferred, a few hundred bytes): the theme choice, the menu, the
 * copy-link button, and the search shortcuts, which load the search itself on first use.
 */
import { loadScript, pageContext } from './page.ts';
import { followViews, VIEW_BUILT } from './views.ts';

declare global {
  interface Window {
    onusSearch?: { open: () => void };
  }
}

const THEME_KEY = 'onus-theme';
const root = document.documentElement;

/** Light, dark, or the system's choice (the default), remembered across pages. */
function setUpThemeChoice(): void {
  const select = document.querySelector<HTMLSelectElement>('.theme-select');
  if (!select) return;
  const chosen = root.dataset.theme;
  select.value = chosen === 'light' || chosen === 'dark' ? chosen : 'system';
  select.addEventListener('change', () => {
    const choice = select.value;
    try {
      if (choice === 'light' || choice === 'dark') {
        root.dataset.theme = choice;
        localStorage.setItem(THEME_KEY, choice);
      } else {
        delete root.dataset.theme;
        localStorage.removeItem(THEME_KEY);
      }
    } catch {
      // Not remembered, but applied to this page.
    }
  });
}

/** On a narrow screen the navigation and the theme sit behind a menu button. */
function setUpMenu(): void {
  const header = document.querySelector<HTMLElement>('.site-header');
  const button = header?.querySelector<HTMLButtonElement>('.menu-toggle');
  if (!header || !button) return;
  const setOpen = (open: boolean) => {
    header.classList.toggle('open', open);
    button.setAttribute('aria-expanded', String(open));
  };
  button.addEventListener('click', () => setOpen(!header.classList.contains('open')));
  header.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !header.classList.contains('open')) return;
    setOpen(false);
    button.focus();
  });
}

function setUpCopyLinks(within: ParentNode = document): void {
  for (const text of within.querySelectorAll<HTMLElement>('[data-link-text]')) {
    const { placeholder } = text.dataset;
    const raw = text.textContent?.trim() ?? '';
    const href = new URL(placeholder ? raw.replace('<id>', placeholder) : raw, location.href).href;
    text.textContent = placeholder ? href.replace(placeholder, '<id>') : href;
  }
  for (const box of within.querySelectorAll<HTMLElement>('.permalink')) {
    const field = box.querySelector('textarea');
    const button = box.querySelector<HTMLButtonElement>('button.copy');
    const status = box.querySelector('.copy-status');
    if (!field || !button) continue;
    // A page knows its permalink relative to itself when the site's address is not known.
    field.value = new URL(field.value, location.href).href;
    button.addEventListener('click', async () => {
      const say = (text: string) => status && (status.textContent = text);
      try {
        await navigator.clipboard.writeText(field.value);
        say('Link copied');
      } catch {
        field.select();
        say('Press Ctrl+C to copy');
      }
    });
  }
}

/**
 * Opens the dialog at once, so nothing typed is lost, then loads the search (first use only)
 * and hands over to it.
 */
async function openSearch(dialog: HTMLDialogElement): Promise<void> {
  if (!dialog.open) dialog.showModal();
  dialog.querySelector('input')?.focus();
  if (!window.onusSearch) await loadScript('scripts/search.js');
  // The reader may have closed the dialog while the search loaded.
  if (dialog.open) window.onusSearch?.open();
}

/** The dialog's markup: static text, built on first use so pages carry none of it. */
const DIALOG = `<div class="search-box">
<h2 id="search-dialog-title" class="visually-hidden">Search</h2>
<div class="search-field"><input type="search" role="combobox" aria-label="Search activities, areas and parties" aria-expanded="false" aria-controls="search-dialog-results" aria-autocomplete="list" autocomplete="off" spellcheck="false" placeholder="Search activities, areas, parties…"><button class="search-close" type="button">Close</button></div>
<p class="search-status" role="status" aria-live="polite"></p>
<ul id="search-dialog-results" role="listbox" aria-label="Search results"></ul>
<p class="search-footer"><a class="search-more" hidden>See all results</a><span class="meta"><kbd>↑</kbd> <kbd>↓</kbd> to move, <kbd>Enter</kbd> to open, <kbd>Esc</kbd> to close</span></p>
</div>`;

function searchDialog(searchPage: string): HTMLDialogElement {
  let dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'search-dialog';
    dialog.setAttribute('aria-labelledby', 'search-dialog-title');
    dialog.innerHTML = DIALOG;
    dialog.querySelector<HTMLAnchorElement>('.search-more')!.href = searchPage;
    document.body.append(dialog);
  }
  return dialog;
}

function setUpSearch(): void {
  const trigger = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  if (!trigger) return;
  const open = () => void openSearch(searchDialog(trigger.href));
  trigger.setAttribute('role', 'button');
  trigger.setAttribute('aria-haspopup', 'dialog');
  trigger.addEventListener('click', (event) => {
    event.preventDefault();
    open();
  });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    const typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
    const shortcut = (event.key === 'k' || event.key === 'K') && (event.metaKey || event.ctrlKey);
    if (
      shortcut ||
      (event.key === '/' && !typing && !event.altKey && !event.metaKey && !event.ctrlKey)
    ) {
      event.preventDefault();
      open();
    }
  });
}

/**
 * A long page's "On this page" follows the reader: the section in view is marked in it and
 * named in a small bar that also leads back to the top, once the list has scrolled away.
 */
function setUpOnThisPage(): void {
  const nav = document.querySelector<HTMLElement>('.on-this-page');
  // The single file shows one view at a time, each a page of its own: not this one's list.
  if (!nav || pageContext().mode === 'single') return;
  const sections = [...nav.querySelectorAll<HTMLAnchorElement>('a')].flatMap((link) => {
    const target = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    return target ? [{ link, target }] : [];
  });
  const bar = document.createElement('div');
  bar.className = 'page-position no-print';
  bar.hidden = true;
  const where = document.createElement('span');
  const top = document.createElement('button');
  top.type = 'button';
  top.textContent = '↑ Top';
  top.addEventListener('click', () => {
    scrollTo(0, 0);
    document.querySelector<HTMLElement>('main')?.focus({ preventScroll: true });
  });
  bar.append(where, top);
  document.body.append(bar);
  let waiting = false;
  const update = () => {
    waiting = false;
    const current = sections.filter(({ target }) => target.getBoundingClientRect().top < 96).at(-1);
    for (const { link } of sections) {
      if (link === current?.link) link.setAttribute('aria-current', 'location');
      else link.removeAttribute('aria-current');
    }
    bar.hidden = nav.getBoundingClientRect().bottom > 0;
    // A level's name says little alone: "Managed Platform › Owns".
    const parent = current?.link.parentElement?.parentElement?.closest('li')?.querySelector('a');
    where.textContent = current
      ? `${parent ? `${parent.textContent} › ` : ''}${current.link.textContent}`
      : '';
  };
  addEventListener('scroll', () => {
    if (!waiting) requestAnimationFrame(update);
    waiting = true;
  });
  update();
}

setUpThemeChoice();
setUpMenu();
setUpOnThisPage();
setUpCopyLinks();
setUpSearch();
// Views of the single file built later get their buttons then.
addEventListener(VIEW_BUILT, (event) => setUpCopyLinks(event.target as Element));
followViews();
