/**
 * Opens an export's single file from disk in Chromium and measures, with the page's own
 * clock: how long it takes to open, how long from the keystroke that opens search to the
 * first results on screen (index loading included), and how long later queries take.
 *
 *   node bench/offline-search.ts export/vmware-site-recovery.html [query]
 */
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from '../e2e/support/chromium.ts';

export interface OfflineSearchTiming {
  /** From navigation to the load event. */
  openMs: number;
  /** From the keystroke that opens search to the first results painted, the index loading meanwhile. */
  firstResultMs: number;
  /** Per later keystroke: from the input event to its results painted. */
  queryMs: number[];
}

/** Records, in the page, when the listbox next changes and the frame after it is painted. */
function watchResults(page: Page): Promise<void> {
  return page.evaluate(() => {
    const list = document.querySelector('.search-dialog [role="listbox"]')!;
    const input = document.querySelector<HTMLInputElement>('.search-dialog input')!;
    const marks: { keydown?: number; input: number[]; painted: number[] } = {
      input: [],
      painted: [],
    };
    (window as unknown as { __marks: typeof marks }).__marks = marks;
    document.addEventListener('keydown', () => (marks.keydown ??= performance.now()), {
      capture: true,
      once: true,
    });
    input.addEventListener('input', () => marks.input.push(performance.now()));
    new MutationObserver(() => {
      requestAnimationFrame(() => setTimeout(() => marks.painted.push(performance.now())));
    }).observe(list, { childList: true });
  });
}

export async function measureOfflineSearch(
  file: string,
  query = 'firewall',
): Promise<OfflineSearchTiming> {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${path.resolve(file)}`, { timeout: 120_000 });
    const openMs = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
    });
    await watchResults(page);
    await page.keyboard.press('/');
    await page.keyboard.type(query);
    const options = page.getByRole('listbox', { name: 'Search results' }).getByRole('option');
    await options.first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const first = await page.evaluate(() => {
      const marks = (window as unknown as { __marks: { keydown: number; painted: number[] } })
        .__marks;
      return marks.painted[0]! - marks.keydown;
    });

    await page.getByRole('combobox', { name: /^Search/ }).fill('');
    await watchResults(page);
    await page.keyboard.type('recovery plan', { delay: 60 });
    await page.waitForTimeout(300);
    const queryMs = await page.evaluate(() => {
      const marks = (window as unknown as { __marks: { input: number[]; painted: number[] } })
        .__marks;
      return marks.input.map(
        (typed) => (marks.painted.find((painted) => painted >= typed) ?? Number.NaN) - typed,
      );
    });
    return { openMs, firstResultMs: first, queryMs };
  } finally {
    await browser.close();
  }
}

if (import.meta.main) {
  const [file, query] = process.argv.slice(2);
  if (!file) throw new Error('Usage: node bench/offline-search.ts FILE.html [query]');
  const timing = await measureOfflineSearch(file, query);
  process.stdout.write(
    `${JSON.stringify(timing, (_key, value) => (typeof value === 'number' ? Math.round(value) : value))}\n`,
  );
}
