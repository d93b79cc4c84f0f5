/**
 * Opens an export's single file from disk in Chromium and measures, with the page's own clock,
 * how long it takes to open, then search as in the hosted site (the first results, index
 * loading included, and later queries).
 *
 *   node bench/lib/offline-search.ts export/vmware-site-recovery.html
 */
import path from 'node:path';
import { QUERIES } from '../generate.ts';
import { launch, searchTiming, type SearchTiming } from './browser.ts';

export interface OfflineSearchTiming extends SearchTiming {
  /** From navigation to the load event. */
  openMs: number;
}

export async function measureOfflineSearch(
  file: string,
  queries = QUERIES.slice(0, 10),
): Promise<OfflineSearchTiming> {
  const browser = await launch();
  try {
    const url = `file://${path.resolve(file)}`;
    const page = await browser.newPage();
    await page.goto(url, { timeout: 120_000 });
    const openMs = await page.evaluate(() => {
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      return navigation ? navigation.loadEventEnd - navigation.startTime : Number.NaN;
    });
    await page.close();
    return { openMs, ...(await searchTiming(browser, url, queries)) };
  } finally {
    await browser.close();
  }
}

if (import.meta.main) {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('Usage: node bench/lib/offline-search.ts FILE.html');
  const timing = await measureOfflineSearch(file);
  process.stdout.write(
    `${JSON.stringify(timing, (_key, value) => (typeof value === 'number' ? Math.round(value) : value))}\n`,
  );
}
