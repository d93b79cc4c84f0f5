import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { brokenLinks } from '../helpers/link-check.ts';
import { onus } from '../helpers/onus.ts';

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
}

const workflow = parse(readFileSync('.github/workflows/publish.yml', 'utf8')) as {
  jobs: Record<string, { steps: Step[] }>;
};
/** What actions/configure-pages gives a project repository's Pages. */
const PAGES = { origin: 'https://example-org.github.io', base_path: '/srm-site' };

/** A step's command as GitHub would run it: the Pages outputs filled in, split like a shell. */
function argv(step: Step): string[] {
  const command = step
    .run!.replaceAll('${{ steps.pages.outputs.origin }}', PAGES.origin)
    .replaceAll('${{ steps.pages.outputs.base_path }}', PAGES.base_path);
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2]!);
}

describe('the GitHub Pages workflow', { timeout: 120_000 }, () => {
  const steps = workflow.jobs.build!.steps;

  it('should check with annotations, build for the Pages address, upload dist and deploy', () => {
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      'actions/checkout@v4',
      'actions/setup-node@v4',
      'npm ci',
      'actions/configure-pages@v5',
      'npx onus check content --format github',
      expect.stringMatching(/^npx onus build --content content --out dist --site /),
      'actions/upload-pages-artifact@v3',
    ]);
    expect(workflow.jobs.deploy!.steps.map((step) => step.uses)).toEqual([
      'actions/deploy-pages@v4',
    ]);
  });

  it('should run its check and build steps here, and give a site whose every link resolves', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-workflow-'));
    cpSync('content', path.join(dir, 'content'), { recursive: true });
    for (const step of steps.filter((candidate) => candidate.run?.startsWith('npx onus'))) {
      const [, , ...args] = argv(step);
      const result = await onus(args, dir);
      expect(result.code, `${step.run}\n${result.stderr}`).toBe(0);
    }
    const site = path.join(dir, 'dist');
    expect(readFileSync(path.join(site, 'sitemap.xml'), 'utf8')).toContain(
      'https://example-org.github.io/srm-site/activities/',
    );
    expect(brokenLinks(site, { kind: 'hosted', base: '/srm-site/', site: PAGES.origin })).toEqual(
      [],
    );
  });
});
