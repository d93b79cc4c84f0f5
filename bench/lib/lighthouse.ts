import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { ensureChromium } from '../../e2e/support/chromium.ts';
import { PEER } from './sites.ts';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Scores = Record<(typeof CATEGORIES)[number], number>;

/**
 * Lighthouse's four scores (0–100) for a page, in Debian's Chromium, with its default mobile
 * settings. Asynchronous: the page is served from this very process.
 */
export async function lighthouse(url: string): Promise<Scores> {
  const { stdout: output } = await promisify(execFile)(
    process.execPath,
    [
      path.join(PEER, 'node_modules/lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--output=json',
      '--output-path=stdout',
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run',
    ],
    {
      env: { ...process.env, CHROME_PATH: ensureChromium() },
      maxBuffer: 1 << 28,
      timeout: 180_000,
    },
  );
  const report = JSON.parse(output.toString()) as {
    categories: Record<string, { score: number | null }>;
  };
  return Object.fromEntries(
    CATEGORIES.map((category) => [
      category,
      Math.round((report.categories[category]?.score ?? 0) * 100),
    ]),
  ) as Scores;
}
