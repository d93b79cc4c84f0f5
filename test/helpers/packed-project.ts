import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPOSITORY = path.resolve(import.meta.dirname, '../..');

/**
 * The environment an author's shell has: not vitest's (NODE_ENV=test, VITEST…), under which
 * Astro's dev server answers no page.
 */
export function authorEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => name !== 'NODE_ENV' && !name.startsWith('VITEST'),
    ),
  );
}

/** npm, run by the Node running the tests (the pinned Node 22), never touching the network. */
export function npm(cwd: string, args: string[]) {
  return run('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    env: { ...authorEnvironment(), npm_config_update_notifier: 'false' },
    maxBuffer: 64 * 1024 * 1024,
  });
}

export interface Packed {
  tarball: string;
  /** Every path in the package, as `npm pack` lists it. */
  files: string[];
  /** Bytes of the gzipped tarball. */
  size: number;
}

/** `npm pack` of this repository (its prepack compiles lib/), into `folder`. */
export async function packRepository(folder: string): Promise<Packed> {
  await mkdir(folder, { recursive: true });
  const { stdout } = await npm(REPOSITORY, ['pack', '--json', '--pack-destination', folder]);
  const [report] = JSON.parse(stdout) as Array<{
    filename: string;
    size: number;
    files: Array<{ path: string }>;
  }>;
  return {
    tarball: path.join(folder, report!.filename),
    files: report!.files.map((file) => file.path).sort(),
    size: report!.size,
  };
}

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  dev?: boolean;
  devOptional?: boolean;
  optional?: boolean;
  [key: string]: unknown;
}

/**
 * The packages `roots` need, as this repository's lock file resolved them: found from each
 * dependent's folder as Node finds a package, up through the nested node_modules.
 */
function neededEntries(
  packages: Record<string, LockEntry>,
  roots: string[],
): Record<string, LockEntry> {
  const needed: Record<string, LockEntry> = {};
  const resolve = (from: string, name: string): string | undefined => {
    for (let folder = from; ;) {
      const key = folder ? `${folder}/node_modules/${name}` : `node_modules/${name}`;
      if (packages[key]) return key;
      if (!folder) return undefined;
      const at = folder.lastIndexOf('/node_modules/');
      folder = at < 0 ? '' : folder.slice(0, at);
    }
  };
  const visit = (key: string) => {
    if (needed[key]) return;
    const { dev: _dev, devOptional, ...entry } = packages[key]!;
    needed[key] = devOptional ? { ...entry, optional: true } : entry;
    const wanted = { ...entry.dependencies, ...entry.optionalDependencies };
    for (const name of Object.keys(wanted)) {
      const found = resolve(key, name);
      if (found) visit(found);
    }
  };
  for (const root of roots) visit(resolve('', root)!);
  return needed;
}

/**
 * Install the project's package.json with its `onus` taken from the packed tarball and the rest
 * at this repository's versions: a lock file drawn from this repository's lets `npm ci --offline`
 * install it from the npm cache that this repository's own `npm ci` filled.
 */
export async function installPacked(project: string, packed: Packed): Promise<void> {
  const ours = JSON.parse(await readFile(path.join(REPOSITORY, 'package.json'), 'utf8')) as {
    version: string;
    license: string;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
    peerDependenciesMeta: Record<string, unknown>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const lock = JSON.parse(await readFile(path.join(REPOSITORY, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  const manifestFile = path.join(project, 'package.json');
  const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
    name: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const spec = `file:${path.relative(project, packed.tarball).split(path.sep).join('/')}`;
  const groups = (['dependencies', 'devDependencies'] as const).filter((group) => manifest[group]);
  for (const group of groups) if (manifest[group]!.onus) manifest[group]!.onus = spec;
  const others = groups
    .flatMap((group) => Object.keys(manifest[group]!))
    .filter((name) => name !== 'onus');
  const integrity = `sha512-${createHash('sha512')
    .update(await readFile(packed.tarball))
    .digest('base64')}`;
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const root = Object.fromEntries([
    ['name', manifest.name],
    ...groups.map((group) => [group, manifest[group]]),
  ]);
  await writeFile(
    path.join(project, 'package-lock.json'),
    `${JSON.stringify(
      {
        name: manifest.name,
        lockfileVersion: 3,
        requires: true,
        packages: {
          '': root,
          // As npm records a package: its manifest's fields, where the tarball is, its hash.
          'node_modules/onus': {
            version: ours.version,
            resolved: spec,
            integrity,
            license: ours.license,
            dependencies: ours.dependencies,
            peerDependencies: ours.peerDependencies,
            peerDependenciesMeta: ours.peerDependenciesMeta,
            bin: ours.bin,
            engines: ours.engines,
          },
          ...neededEntries(lock.packages, [...Object.keys(ours.dependencies), ...others]),
        },
      },
      null,
      2,
    )}\n`,
  );
  await npm(project, ['ci']);
}
