import { mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

/** What every site holds whatever its model: styles, scripts and the files of public/. */
const FIXED = /^(?:_astro|scripts)\/|^(?:favicon\.svg|robots\.txt|[a-z]+\.schema\.json)$/;

/** The bytes of a built site that depend on its model. */
async function siteBytes(model: string): Promise<number> {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-growth-'));
  mkdirSync(path.join(dir, 'content'));
  writeFileSync(path.join(dir, 'content', 'model.md'), model);
  const built = await onus(['build', '--out', 'site'], dir);
  expect(built.code, built.stderr).toBe(0);
  const site = path.join(dir, 'site');
  let bytes = 0;
  for (const entry of readdirSync(site, { recursive: true, withFileTypes: true })) {
    const relative = path.relative(site, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !FIXED.test(relative)) bytes += statSync(path.join(site, relative)).size;
  }
  return bytes;
}

const frontmatter = (parties: number, contexts: number) =>
  `---\ntitle: Growth\nparties:\n${Array.from({ length: parties }, (_, i) => `  - id: p${i}\n    name: Party ${i}\n`).join('')}${
    contexts > 0
      ? `contexts:\n${Array.from({ length: contexts }, (_, i) => `  - id: c${i}\n    name: Context ${i}\n`).join('')}`
      : ''
  }---\n\n## Responsibility matrix\n\n`;

/** Every party holds every activity (in every context). */
function everyoneHoldsAll(parties: number, contexts: number, activities: number): string {
  const list = Array.from({ length: activities }, (_, i) => `- Activity ${i}`).join('\n');
  return (
    frontmatter(parties, contexts) +
    Array.from({ length: parties }, (_, p) => `### Party ${p}\n\n${list}\n`).join('\n')
  );
}

/** A grid of 20 rows of two parties, `citations` of whose cells cite one long footnote. */
function citing(citations: number): string {
  const rows = Array.from(
    { length: 20 },
    (_, i) => `| Activity ${i} | ✓${i < citations ? '[^long]' : ''} | ✓ |`,
  ).join('\n');
  const note = Array.from({ length: 20 }, () => 'word '.repeat(100)).join('\n    ');
  return `${frontmatter(2, 0)}| Activity | Party 0 | Party 1 |\n| - | - | - |\n${rows}\n\n[^long]: ${note}\n`;
}

/**
 * Doubling what a model holds at most doubles what its site holds beyond the fixed assets:
 * no page lists every party on a site of many, no cell repeats a condition's text.
 */
describe('a site grows linearly with its model', { timeout: 180_000 }, () => {
  it.each([
    ['parties', (n: number) => everyoneHoldsAll(n, 0, 10), 40],
    ['contexts', (n: number) => everyoneHoldsAll(3, n, 10), 40],
    ['activities', (n: number) => everyoneHoldsAll(3, 0, n), 100],
    ['citations of a footnote', (n: number) => citing(n), 5],
  ] as const)('should at most double its output when the %s double', async (_, model, n) => {
    const once = await siteBytes(model(n));
    const twice = await siteBytes(model(2 * n));
    expect(twice).toBeGreaterThan(once);
    expect(twice / once).toBeLessThanOrEqual(2);
  });
});
