import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Model } from '../../src/model/index.ts';
import { runMeasured, type Measured } from './process.ts';

export const PROJECT = path.resolve(import.meta.dirname, '../..');
const NODE = process.execPath;
const FLOOR = path.join(PROJECT, 'bench/floor');
export const PEER = path.join(PROJECT, 'bench/peer');
const QUIET = { ASTRO_TELEMETRY_DISABLED: '1' };

/** `onus model` of a file, as the floor and the peer get the same activities from it. */
export function modelOf(file: string): Model {
  return JSON.parse(
    execFileSync(NODE, [path.join(PROJECT, 'bin/onus.js'), 'model', file], {
      maxBuffer: 1 << 30,
    }).toString(),
  );
}

/** Onus, as a user runs it. */
export function buildOurs(content: string, out: string, extra: string[] = []): Promise<Measured> {
  return runMeasured(
    NODE,
    [path.join(PROJECT, 'bin/onus.js'), 'build', '--content', content, '--out', out, ...extra],
    {
      cwd: PROJECT,
      env: QUIET,
    },
  );
}

export function exportOurs(content: string, out: string): Promise<Measured> {
  return runMeasured(
    NODE,
    [path.join(PROJECT, 'bin/onus.js'), 'export', '--content', content, '--out', out],
    {
      cwd: PROJECT,
      env: QUIET,
    },
  );
}

/**
 * Run an Astro project whose sources stay in the repository from a working folder next to its
 * output (Astro moves assets with a rename, which cannot cross file systems), whose
 * node_modules links to the project's. The folder stays between runs: like Onus, which replaces
 * its previous output, Astro empties its previous `dist/` first, and that is part of the time.
 */
function astroBuild(
  root: string,
  nodeModules: string,
  work: string,
  env: NodeJS.ProcessEnv,
  timeoutMs?: number,
): Promise<Measured> {
  if (!existsSync(path.join(work, 'node_modules'))) {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    symlinkSync(nodeModules, path.join(work, 'node_modules'), 'junction');
  }
  return runMeasured(
    NODE,
    [
      path.join(nodeModules, 'astro/bin/astro.mjs'),
      'build',
      '--root',
      root,
      '--outDir',
      path.join(work, 'dist'),
    ],
    {
      cwd: work,
      env: { ...QUIET, ...env },
      ...(timeoutMs && { timeoutMs }),
    },
  );
}

/** The floor: plain Astro rendering the same activity pages from a JSON array. */
export function writeFloorData(model: Model, file: string): void {
  const activities = model.activities.map((activity) => ({
    id: activity.id,
    title: activity.title,
    path: activity.path,
    parties: activity.parties,
    notes: activity.assignments.map((assignment) => assignment.note ?? ''),
  }));
  writeFileSync(file, JSON.stringify(activities));
}

/** The floor runs on the project's own Astro. */
export function buildFloor(data: string, work: string): Promise<Measured> {
  return astroBuild(FLOOR, path.join(PROJECT, 'node_modules'), work, { BENCH_ACTIVITIES: data });
}

/** The peer's content: a Starlight docs page per activity, under its title. */
export function writePeerDocs(model: Model): void {
  const docs = path.join(PEER, 'src/content/docs');
  rmSync(docs, { recursive: true, force: true });
  mkdirSync(docs, { recursive: true });
  writeFileSync(
    path.join(docs, 'index.md'),
    `---\ntitle: ${JSON.stringify(model.title)}\n---\n\nThe model's overview.\n`,
  );
  for (const activity of model.activities) {
    const parties = activity.assignments
      .map(({ party, note }) => `## ${party}\n\n${note ?? 'Responsible; no further note.'}\n`)
      .join('\n');
    writeFileSync(
      path.join(docs, `${activity.id}.md`),
      `---\ntitle: ${JSON.stringify(activity.title)}\n---\n\n${activity.path.join(' › ')}\n\n${parties}`,
    );
  }
}

export function buildPeer(work: string, timeoutMs: number): Promise<Measured> {
  return astroBuild(PEER, path.join(PEER, 'node_modules'), work, {}, timeoutMs);
}

/** Install the peer (Starlight, Lighthouse) into bench/peer on first use: never a dependency of Onus. */
export function installPeer(): void {
  if (existsSync(path.join(PEER, 'node_modules/@astrojs/starlight'))) return;
  process.stderr.write('Installing the peer (Starlight) and Lighthouse into bench/peer…\n');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: PEER, stdio: 'inherit' });
}

export function countHtml(folder: string): number {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) =>
    name.endsWith('.html'),
  ).length;
}
