import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from '../../e2e/support/chromium.ts';
import { percentile } from './process.ts';

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
}

export interface Weight {
  raw: number;
  gzip: number;
}

export interface PageWeight {
  html: Weight;
  css: Weight;
  js: Weight;
  /** HTML, CSS and JS together, gzipped: what a first visit downloads to show the page. */
  totalGzip: number;
  /** Every URL the first visit requested (favicon and the like included). */
  urls: string[];
}

const add = (weight: Weight, bytes: Buffer) => {
  weight.raw += bytes.length;
  weight.gzip += gzipSync(bytes, { level: 6 }).length;
};

/** What a first visit to a page loads, with an empty cache, by type, raw and gzipped. */
export async function pageWeight(browser: Browser, url: string): Promise<PageWeight> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const weight: PageWeight = {
    html: { raw: 0, gzip: 0 },
    css: { raw: 0, gzip: 0 },
    js: { raw: 0, gzip: 0 },
    totalGzip: 0,
    urls: [],
  };
  const bodies: Promise<void>[] = [];
  page.on('response', (response) => {
    weight.urls.push(response.url());
    const type = response.request().resourceType();
    const target =
      type === 'document'
        ? weight.html
        : type === 'stylesheet'
          ? weight.css
          : type === 'script'
            ? weight.js
            : undefined;
    if (target) bodies.push(response.body().then((body) => add(target, body)));
  });
  // A long page can keep the parser busy past a quiet network: its deferred scripts come after.
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  await context.close();
  weight.totalGzip = weight.html.gzip + weight.css.gzip + weight.js.gzip;
  return weight;
}

/** Marks, in the page, when each input event happens and when the results after it are painted. */
function watchResults(page: Page): Promise<void> {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('.search-dialog input')!;
    const status = document.querySelector('.search-dialog .search-status')!;
    const marks = { input: [] as number[], painted: [] as number[] };
    (window as unknown as { __marks: typeof marks }).__marks = marks;
    input.addEventListener('input', () => marks.input.push(performance.now()));
    new MutationObserver(() =>
      requestAnimationFrame(() => setTimeout(() => marks.painted.push(performance.now()))),
    ).observe(status, { childList: true, characterData: true, subtree: true });
  });
}

export interface SearchTiming {
  /** From the keystroke that opens search to the first results painted, loading the index meanwhile. */
  firstResultMs: number;
  /** From that keystroke to the index being searchable (loaded, parsed and deserialised). */
  indexLoadMs: number;
  p50: number;
  p95: number;
  queries: number;
}

/**
 * Search as a reader uses it: open the dialog, type a first query, then type each query of
 * the list (all but its last character set at once, the last one typed). A query's latency
 * runs from its last keystroke's input event to its results painted.
 */
export async function searchTiming(
  browser: Browser,
  url: string,
  queries: readonly string[],
): Promise<SearchTiming> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.evaluate(() => {
    const marks = { keydown: 0, painted: 0 };
    (window as unknown as { __first: typeof marks }).__first = marks;
    document.addEventListener('keydown', () => (marks.keydown ||= performance.now()), {
      capture: true,
    });
    new MutationObserver(() => {
      const list = document.querySelector('.search-dialog [role="listbox"]');
      if (list?.children.length && !marks.painted)
        requestAnimationFrame(() => setTimeout(() => (marks.painted ||= performance.now())));
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.keyboard.press('/');
  await page.keyboard.type('network');
  await page
    .getByRole('listbox', { name: 'Search results' })
    .getByRole('option')
    .first()
    .waitFor({ timeout: 60_000 });
  await page.waitForTimeout(200);
  const { firstResultMs, indexLoadMs } = await page.evaluate(() => {
    const marks = (window as unknown as { __first: { keydown: number; painted: number } }).__first;
    const [ready] = performance.getEntriesByName('onus:search-index-ready');
    return {
      firstResultMs: marks.painted - marks.keydown,
      indexLoadMs: ready ? ready.startTime - marks.keydown : Number.NaN,
    };
  });

  const box = page.getByRole('combobox', { name: /^Search/ });
  await watchResults(page);
  const samples: number[] = [];
  for (const query of queries) {
    await box.fill(query.slice(0, -1));
    await page.waitForTimeout(30);
    await page.evaluate(() => {
      const marks = (window as unknown as { __marks: { input: number[]; painted: number[] } })
        .__marks;
      marks.input.length = 0;
      marks.painted.length = 0;
    });
    await page.keyboard.type(query.slice(-1));
    await page.waitForFunction(() => {
      const marks = (window as unknown as { __marks: { input: number[]; painted: number[] } })
        .__marks;
      return marks.input.length > 0 && marks.painted.some((time) => time >= marks.input[0]!);
    });
    samples.push(
      await page.evaluate(() => {
        const marks = (window as unknown as { __marks: { input: number[]; painted: number[] } })
          .__marks;
        return marks.painted.find((time) => time >= marks.input[0]!)! - marks.input[0]!;
      }),
    );
  }
  await page.close();
  return {
    firstResultMs,
    indexLoadMs,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    queries: samples.length,
  };
}

export interface SearchDownload {
  /** Gzipped bytes of what the dialog's first search loads: script, index, excerpts' words. */
  dialogGzip: number;
  /** The same for the search page opened with a query (its own HTML included). */
  pageGzip: number;
}

/** What a first search costs a reader on the wire, in the dialog and on the search page. */
export async function searchDownload(
  browser: Browser,
  siteUrl: string,
  query: string,
): Promise<SearchDownload> {
  const measure = async (open: (page: Page) => Promise<void>) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies: Promise<number>[] = [];
    let counting = false;
    page.on('response', (response) => {
      // A redirect has no body of its own: what it leads to is counted when it comes.
      if (!counting || (response.status() >= 300 && response.status() < 400)) return;
      bodies.push(response.body().then((body) => gzipSync(body).length));
    });
    await page.goto(siteUrl);
    // The page's own scripts run first: the key that opens search must find them listening.
    await page.waitForLoadState('networkidle');
    counting = true;
    await open(page);
    await page.locator('.result-excerpt').first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(bodies);
    await context.close();
    return sizes.reduce((sum, size) => sum + size, 0);
  };
  return {
    dialogGzip: await measure(async (page) => {
      await page.keyboard.press('/');
      await page.keyboard.type(query);
    }),
    pageGzip: await measure(async (page) => {
      await page.goto(`${siteUrl}search/?q=${encodeURIComponent(query)}`);
    }),
  };
}
