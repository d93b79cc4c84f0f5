/**
 * The one script every page loads (deferred, a few hundred bytes): the theme toggle, the
 * copy-link button, and the search shortcuts, which load the search itself on first use.
 */
import { loadScript, pageContext } from './page.ts';

declare global {
  interface Window {
    onusSearch?: { open: () => void };
  }
}

const THEME_KEY = 'onus-theme';
const root = document.documentElement;

function setUpThemeToggle(): void {
  const button = document.querySelector<HTMLButtonElement>('.theme-toggle');
  if (!button) return;
  const isDark = () =>
    root.dataset.theme
      ? root.dataset.theme === 'dark'
      : matchMedia('(prefers-color-scheme: dark)').matches;
  button.hidden = false;
  button.setAttribute('aria-pressed', String(isDark()));
  button.addEventListener('click', () => {
    const next = isDark() ? 'light' : 'dark';
    root.dataset.theme = next;
    button.setAttribute('aria-pressed', String(next === 'dark'));
    try {
      localStorage.setItem(THEME_KEY, next);
    } catch {
      // Not remembered, but applied to this page.
    }
  });
}

function setUpCopyLinks(): void {
  for (const box of document.querySelectorAll<HTMLElement>('.permalink')) {
    const field = box.querySelector('input');
    const button = box.querySelector<HTMLButtonElement>('button.copy');
    const status = box.querySelector('.copy-status');
    if (!field || !button) continue;
    // A page knows its permalink relative to itself when the site's address is not known.
    field.value = new URL(field.value, location.href).href;
    button.hidden = false;
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

function setUpSearch(): void {
  const trigger = document.querySelector<HTMLAnchorElement>('[data-search-open]');
  const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
  if (!trigger || !dialog) return;
  trigger.setAttribute('role', 'button');
  trigger.setAttribute('aria-haspopup', 'dialog');
  trigger.addEventListener('click', (event) => {
    event.preventDefault();
    void openSearch(dialog);
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
      void openSearch(dialog);
    }
  });
}

/**
 * In the single-file export, every page is a view: show the one holding the address's target
 * (the overview when there is none), scroll to the target, and title the tab after the view.
 */
function followViews(): void {
  if (pageContext().mode !== 'single') return;
  const overview = document.getElementById('_overview');
  const fallback = document.getElementById('onus-views-fallback') as HTMLStyleElement | null;
  if (!overview) return;
  const base = document.title;
  let current: HTMLElement | undefined;
  const show = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    // An anchor outside every view (the skip link's) leaves the view as it is.
    if (target && !target.closest('.view') && current) return;
    const view = target?.closest<HTMLElement>('.view') ?? overview;
    if (view !== current) {
      current?.classList.remove('current');
      view.classList.add('current');
      current = view;
      document.title =
        view.dataset.title && view !== overview ? `${view.dataset.title} · ${base}` : base;
    }
    if (target && target !== view) target.scrollIntoView();
    else scrollTo(0, 0);
  };
  addEventListener('hashchange', show);
  show();
  if (fallback) fallback.disabled = true;
}

setUpThemeToggle();
setUpCopyLinks();
setUpSearch();
followViews();
