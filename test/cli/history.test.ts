import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { git } from '../helpers/git.ts';
import { onus } from '../helpers/onus.ts';

const RELEASES = path.resolve('test/fixtures/releases/managed-database');
const releaseFile = (version: string) => path.join(RELEASES, version, 'managed-database.md');

/** The latest release as the content, the earlier ones in `history/<version>/`. */
function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-history-'));
  mkdirSync(path.join(dir, 'content'));
  cpSync(releaseFile('3.0'), path.join(dir, 'content', 'managed-database.md'));
  for (const version of ['1.0', '2.0']) {
    mkdirSync(path.join(dir, 'history', version), { recursive: true });
    cpSync(releaseFile(version), path.join(dir, 'history', version, 'managed-database.md'));
  }
  return dir;
}

/** `onus build --history history` of a workspace, and a reader of the pages it wrote. */
async function buildWithHistory(dir: string) {
  const result = await onus(
    ['build', '--content', 'content', '--history', 'history', '--out', 'site'],
    dir,
  );
  const page = (route: string) => readFileSync(path.join(dir, 'site', route), 'utf8');
  return { ...result, page };
}

describe('onus build --history', { timeout: 120_000 }, () => {
  it('should publish the Changes page, its feed and the pages of removed activities', async () => {
    const dir = workspace();
    const { code, stderr, page } = await buildWithHistory(dir);
    expect(stderr).toMatch(/^Built the site of 9 activities/);
    expect(code).toBe(0);
    expect(page('changes/index.html')).toContain('<h2 id="version-3-0">');
    expect(page('changes.xml')).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/,
    );
    expect(page('index.html')).toContain(
      'type="application/atom+xml" title="Changes to Managed Database Service" href="/changes.xml"',
    );
    expect(page('activities/hardware-replacement/index.html')).toContain('Removed in 3.0');
    // The former id still leads to the activity, not to a page saying it was removed.
    expect(page('activities/data-point-in-time-recovery/index.html')).not.toContain('Removed in');
    // Without --history, none of it.
    await onus(['build', '--content', 'content', '--out', 'plain'], dir);
    expect(existsSync(path.join(dir, 'plain', 'changes'))).toBe(false);
    expect(readFileSync(path.join(dir, 'plain', 'index.html'), 'utf8')).not.toContain('atom+xml');
  });

  it('should read the releases from the repository’s tags with `git`', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-history-git-'));
    git(dir, 'init', '-q');
    for (const version of ['1.0', '2.0', '3.0']) {
      mkdirSync(path.join(dir, 'content'), { recursive: true });
      cpSync(releaseFile(version), path.join(dir, 'content', 'managed-database.md'));
      git(dir, 'add', '.');
      git(dir, 'commit', '-qm', `Release ${version}`);
      if (version !== '3.0') git(dir, 'tag', `v${version}`);
    }
    const { code, stderr } = await onus(['build', '--history', 'git', '--out', 'site'], dir);
    expect(stderr).toMatch(/^Built the site/);
    expect(code).toBe(0);
    const changes = readFileSync(path.join(dir, 'site', 'changes', 'index.html'), 'utf8');
    expect([...changes.matchAll(/<h2 id="(version-[^"]+)"/g)].map((match) => match[1])).toEqual([
      'version-3-0',
      'version-2-0',
      'version-1-0',
    ]);
  });

  it('should refuse releases without a version, or two with one, and build nothing', async () => {
    const dir = workspace();
    writeFileSync(
      path.join(dir, 'history', '2.0', 'managed-database.md'),
      readFileSync(releaseFile('2.0'), 'utf8').replace("version: '2.0'\n", ''),
    );
    const missing = await buildWithHistory(dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'onus build: Unexpected release `history/2.0/managed-database.md` without a version, expected `version:` in its frontmatter: a history orders releases by it. Nothing was written.\n',
    );
    cpSync(releaseFile('1.0'), path.join(dir, 'history', '2.0', 'managed-database.md'));
    const twice = await buildWithHistory(dir);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toBe(
      'onus build: Unexpected two releases of `managed-database` with version 1.0, expected each release to have its own version. Nothing was written.\n',
    );
    const nowhere = await onus(
      ['build', '--content', 'content', '--history', 'nowhere', '--out', 'site'],
      dir,
    );
    expect(nowhere.stderr).toBe(
      'onus build: Unexpected history `nowhere`, expected a folder of earlier releases or `git`. Nothing was written.\n',
    );
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
  });

  it('should give a library a Changes page across its models, and each party a feed', async () => {
    const dir = workspace();
    cpSync(releaseFile('2.0'), path.join(dir, 'content', 'database-eu.md'));
    mkdirSync(path.join(dir, 'history', 'eu-1.0'));
    cpSync(releaseFile('1.0'), path.join(dir, 'history', 'eu-1.0', 'database-eu.md'));
    // A release of a model the content no longer publishes.
    cpSync(releaseFile('1.0'), path.join(dir, 'history', 'eu-1.0', 'retired.md'));
    const { code, stderr, page } = await buildWithHistory(dir);
    expect(stderr).toMatch(
      /^onus build: left out history\/eu-1\.0\/retired\.md \(model `retired`\) of the history: no model of the content has its id\nBuilt the site of 2 models/,
    );
    expect(code).toBe(0);
    // The latest first, across the models: 3.0 (2026-04-01), then both 2.0s (2025-09-15)…
    expect(
      [...page('changes/index.html').matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1]),
    ).toEqual([
      'managed-database-version-3-0',
      'database-eu-version-2-0',
      'managed-database-version-2-0',
      'database-eu-version-1-0',
      'managed-database-version-1-0',
    ]);
    const feed = page('parties/auditor/changes.xml');
    expect([...feed.matchAll(/<id>([^<]+)<\/id>/g)].map((match) => match[1])).toEqual([
      'urn:onus:party:auditor:changes',
      'urn:onus:managed-database:version:3.0:party:auditor',
    ]);
    expect(page('database-eu/changes/index.html')).toContain('<h2 id="version-2-0">');
    // One model of the library, exported alone: its own releases, not the others' too.
    const alone = await onus(
      [
        'export',
        '--content',
        'content',
        '--model',
        'managed-database',
        '--history',
        'history',
        '--out',
        'one',
      ],
      dir,
    );
    expect(alone.code).toBe(0);
    expect(alone.stderr).not.toContain('left out');
    const changes = readFileSync(
      path.join(dir, 'one', 'managed-database', 'changes', 'index.html'),
      'utf8',
    );
    expect([...changes.matchAll(/<h2 id="([^"]+)"/g)].map((match) => match[1])).toEqual([
      'version-3-0',
      'version-2-0',
      'version-1-0',
    ]);
  });
});
