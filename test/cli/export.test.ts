import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { beforeAll, describe, expect, it } from 'vitest';
import { onus } from '../helpers/onus.ts';

const fixture = path.resolve('test/fixtures/model/four-parties-crlf/input.md');

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-export-'));
  mkdirSync(path.join(dir, 'model'));
  cpSync(fixture, path.join(dir, 'model', 'kubernetes.md'));
  return dir;
}

/** Every file under a folder, by relative path, with its bytes. */
function snapshot(folder: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, full), readFileSync(full));
  }
  return files;
}

describe('onus export', { timeout: 180_000 }, () => {
  let dir: string;
  let first: Map<string, Buffer>;
  let stderr: string;

  beforeAll(async () => {
    dir = workspace();
    const result = await onus(['export', '--content', 'model', '--out', 'offline'], dir);
    expect(result.code, result.stderr).toBe(0);
    stderr = result.stderr;
    first = snapshot(path.join(dir, 'offline'));
  }, 180_000);

  it('should write the single file, the site for disk and its zip, named after the model', () => {
    expect(readdirSync(path.join(dir, 'offline')).sort()).toEqual([
      '.onus-output.json',
      'kubernetes',
      'kubernetes.html',
      'kubernetes.zip',
    ]);
    expect(stderr).toMatch(/kubernetes\.html \(one file, \d+ KB\)/);
  });

  it('should zip exactly the site for disk, under its folder name', () => {
    const zipped = unzipSync(first.get('kubernetes.zip')!);
    const onDisk = [...first.keys()].filter((name) => name.startsWith('kubernetes/')).sort();
    expect(Object.keys(zipped).sort()).toEqual(onDisk);
    for (const name of onDisk)
      expect(Buffer.from(zipped[name]!).equals(first.get(name)!), name).toBe(true);
  });

  it('should give a single file whose ids are unique and whose every #link has its target', () => {
    const tree = fromHtml(first.get('kubernetes.html')!.toString('utf8'));
    const ids = selectAll('[id]', tree).map((element) => String(element.properties.id));
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.length - new Set(ids).size).toBe(0);
    const known = new Set(ids);
    const targets = selectAll('a[href]', tree).map((element) => String(element.properties.href));
    for (const href of targets) {
      expect(href.startsWith('#'), href).toBe(true);
      if (href !== '#') expect(known.has(decodeURIComponent(href.slice(1))), href).toBe(true);
    }
  });

  it('should give every activity its own view at #<activity-id>', () => {
    const html = first.get('kubernetes.html')!.toString('utf8');
    const model = JSON.parse(first.get('kubernetes/model.json')!.toString('utf8'));
    for (const activity of model.activities)
      expect(html).toContain(`<section class="view" id="${activity.id}"`);
  });

  it('should link the site for disk relatively, naming index.html, with classic scripts only', () => {
    const html = first
      .get(path.join('kubernetes', 'activities', 'api-server', 'index.html'))!
      .toString('utf8');
    expect(html).toContain('href="../../matrix/index.html"');
    expect(html).not.toMatch(/(href|src)="\//);
    expect(html).not.toContain('type="module"');
    expect(html).toMatch(/<link rel="stylesheet" href="\.\.\/\.\.\/_astro\/index\.[\w-]+\.css">/);
  });

  it('should be deterministic: the same input gives the same bytes', async () => {
    const again = await onus(['export', '--content', 'model', '--out', 'again'], dir);
    expect(again.code).toBe(0);
    const second = snapshot(path.join(dir, 'again'));
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(second.get(name)!.equals(bytes), name).toBe(true);
  });

  it('should leave the previous export as it was when the content is bad', async () => {
    writeFileSync(path.join(dir, 'model', 'kubernetes.md'), '---\ntitle: Broken\n---\n');
    const failed = await onus(['export', '--content', 'model', '--out', 'offline'], dir);
    expect(failed.code).toBe(1);
    const after = snapshot(path.join(dir, 'offline'));
    expect([...after.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [name, bytes] of first) expect(after.get(name)!.equals(bytes), name).toBe(true);
  });
});
