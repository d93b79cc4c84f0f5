import { execFile, spawn } from 'node:child_process';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../e2e/support/static-server.ts';
import {
  authorEnvironment,
  installPacked,
  packRepository,
  REPOSITORY,
  type Packed,
} from '../helpers/packed-project.ts';

interface Ran {
  status: number;
  stdout: string;
  stderr: string;
}

function ran(command: string, args: string[], cwd: string): Promise<Ran> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd, env: authorEnvironment(), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ status: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** `npx onus …` in the project, as its author types it. */
const inProject = (args: string[]) => ran('npx', ['--offline', 'onus', ...args], project);
/** The same command run from this checkout, in the same folder. */
const fromCheckout = (args: string[]) =>
  ran(process.execPath, [path.join(REPOSITORY, 'bin/onus.js'), ...args], project);

/** Every file under a folder, with its bytes. */
async function tree(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files.set(path.relative(folder, file), await readFile(file));
  }
  return files;
}

/** Paths under a folder changed (or made) after `since`. */
async function changedSince(folder: string, since: number): Promise<string[]> {
  const changed: string[] = [];
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if ((await stat(file)).ctimeMs > since) changed.push(path.relative(folder, file));
  }
  return changed;
}

let work: string;
let packed: Packed;
let project: string;
let installedAt: number;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'onus-package-'));
  packed = await packRepository(path.join(work, 'pack'));
  project = path.join(work, 'project');
  await mkdir(path.join(project, 'content'), { recursive: true });
  await copyFile(
    path.join(REPOSITORY, 'examples/cloud-service-models.md'),
    path.join(project, 'content/srm.md'),
  );
  await writeFile(
    path.join(project, 'package.json'),
    JSON.stringify({ name: 'srm', private: true, dependencies: { onus: '*' } }),
  );
  await installPacked(project, packed);
  // File systems keep ctime to the tick: anything written from here on is newer.
  await new Promise((resolve) => setTimeout(resolve, 50));
  installedAt = Date.now();
});

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe('the package npm pack makes', () => {
  it('should hold what runs — compiled lib/, the schemas, examples, README and LICENSE — and nothing else', () => {
    const allowed =
      /^(bin\/onus\.js|lib\/.+\.(js|ts|astro|css)|public\/[^/]+|examples\/[^/]+\.md|\.github\/workflows\/publish\.yml|README\.md|LICENSE|package\.json)$/;
    expect(packed.files.filter((file) => !allowed.test(file))).toEqual([]);
    expect(packed.files).toEqual(
      expect.arrayContaining([
        'bin/onus.js',
        'lib/cli/main.js',
        'lib/io/parse-worker.js',
        'lib/pages/[...model]/matrix.astro',
        'lib/pages/[...model]/model.json.js',
        'lib/layouts/Base.astro',
        'lib/styles/content.css',
        'lib/client/site.ts',
        'public/model.schema.json',
        'public/frontmatter.schema.json',
        'examples/security-control-catalog.md',
        'LICENSE',
        'README.md',
      ]),
    );
    expect(
      packed.files.some((file) => /^(src|test|e2e|bench|docs|scripts|content)\//.test(file)),
    ).toBe(false);
  });

  it('should weigh under 1 MB packed', () => {
    expect(packed.size).toBeLessThan(1024 * 1024);
  });
});

describe('Onus installed from the package into a project of package.json and content/', () => {
  it('should check, print the model and print the schema exactly as the checkout does', async () => {
    for (const args of [
      ['check'],
      ['check', '--strict'],
      ['model', 'content/srm.md'],
      ['schema'],
    ]) {
      const installed = await inProject(args);
      expect(installed, args.join(' ')).toEqual(await fromCheckout(args));
      expect(installed.status, args.join(' ')).toBe(0);
    }
  });

  it('should import a spreadsheet into the same Markdown as the checkout', async () => {
    const csv = path.join(REPOSITORY, 'test/fixtures/import/service-models.csv');
    const installed = await inProject(['import', csv, '--out', 'imported.md']);
    const checkout = await fromCheckout(['import', csv, '--out', path.join(work, 'imported.md')]);
    expect(installed.status, installed.stderr).toBe(0);
    expect(installed.stdout).toBe(checkout.stdout);
    expect(await readFile(path.join(project, 'imported.md'), 'utf8')).toBe(
      await readFile(path.join(work, 'imported.md'), 'utf8'),
    );
    await rm(path.join(project, 'imported.md'));
  });

  it("should build and export into the project's dist/ and export/ the same files as the checkout", async () => {
    const built = await inProject(['build']);
    expect(built.stderr).toMatch(
      /^Built the site of 11 activities, 4 areas and 2 parties into dist\//m,
    );
    const exported = await inProject(['export']);
    expect(exported.status).toBe(0);
    expect(await fromCheckout(['build', '--out', path.join(work, 'checkout-dist')])).toMatchObject({
      status: 0,
    });
    expect(
      await fromCheckout(['export', '--out', path.join(work, 'checkout-export')]),
    ).toMatchObject({ status: 0 });

    const dist = await tree(path.join(project, 'dist'));
    expect(dist.has('matrix/index.html')).toBe(true);
    expect(dist).toEqual(await tree(path.join(work, 'checkout-dist')));
    const exports = await tree(path.join(project, 'export'));
    expect([...exports.keys()]).toEqual(
      expect.arrayContaining(['srm.html', 'srm.zip', 'srm/index.html']),
    );
    expect(exports).toEqual(await tree(path.join(work, 'checkout-export')));
  });

  it('should serve the site with onus dev', async () => {
    const port = await freePort();
    const server = spawn('npx', ['--offline', 'onus', 'dev', '--port', String(port)], {
      cwd: project,
      env: authorEnvironment(),
      detached: true,
    });
    try {
      let stderr = '';
      await new Promise<void>((resolve, reject) => {
        server.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk;
          if (stderr.includes('Serving')) resolve();
        });
        server.once('exit', () => reject(new Error(`onus dev stopped: ${stderr}`)));
      });
      const response = await fetch(`http://localhost:${port}/matrix/`);
      expect(response.status).toBe(200);
      expect(await response.text()).toMatch(/<h1>[^<]*matrix[^<]*<\/h1>/i);
    } finally {
      process.kill(-server.pid!, 'SIGINT');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  });

  it('should write nothing into node_modules', async () => {
    // After every command above: this file's tests run in order.
    expect(await changedSince(path.join(project, 'node_modules'), installedAt)).toEqual([]);
  });
});

describe('a project made by onus init', () => {
  it('should pass npm install, npm run build and onus check --strict', async () => {
    const starter = path.join(work, 'starter');
    const init = await ran(
      process.execPath,
      [path.join(REPOSITORY, 'bin/onus.js'), 'init', starter, '--form', 'blocks'],
      work,
    );
    expect(init.status).toBe(0);
    await installPacked(starter, packed);
    // `npm run build` as its README says, on the Node the project pins.
    const built = await ran('npm', ['run', 'build'], starter);
    expect(built.stderr).toMatch(/^Built the site of \d+ activities/m);
    expect(built.status).toBe(0);
    expect(await readFile(path.join(starter, 'dist/matrix/index.html'), 'utf8')).toContain('<h1');
    const checked = await ran('npx', ['--offline', 'onus', 'check', '--strict'], starter);
    expect(checked).toMatchObject({ status: 0, stdout: '' });
    expect(checked.stderr).toMatch(/no issues found/);
  });
});

describe('onus/astro in an Astro site of the author’s own', () => {
  async function astroSite(model: string) {
    const site = await mkdtemp(path.join(work, 'astro-site-'));
    await mkdir(path.join(site, 'src/pages'), { recursive: true });
    await mkdir(path.join(site, 'content'));
    await writeFile(path.join(site, 'content/srm.md'), model);
    await writeFile(
      path.join(site, 'astro.config.mjs'),
      "import { defineConfig } from 'astro/config';\nimport onus from 'onus/astro';\n\nexport default defineConfig({ integrations: [onus({ base: '/responsibility/' })] });\n",
    );
    await writeFile(
      path.join(site, 'src/pages/index.astro'),
      '<a href="/responsibility/">Who does what</a>\n',
    );
    await symlink(path.join(project, 'node_modules'), path.join(site, 'node_modules'));
    return { site, built: await ran('npx', ['--offline', 'astro', 'build'], site) };
  }

  it("should add the model's pages under the folder it is given, beside the site's own", async () => {
    const { site, built } = await astroSite(
      await readFile(path.join(REPOSITORY, 'examples/cloud-service-models.md'), 'utf8'),
    );
    expect(built.status, built.stderr).toBe(0);
    const pages = await tree(path.join(site, 'dist'));
    expect([...pages.keys()]).toEqual(
      expect.arrayContaining([
        'index.html',
        'responsibility/index.html',
        'responsibility/matrix/index.html',
        'responsibility/activities/information-and-data-accounts-and-identities/index.html',
        'responsibility/model.json',
        'responsibility/matrix.csv',
        'responsibility/model.schema.json',
      ]),
    );
    // The same pages and files as Onus's own build of the model (an earlier test's), less what
    // belongs to a whole site: its 404 page, robots.txt, its assets at the site's root.
    const own = [...(await tree(path.join(work, 'checkout-dist'))).keys()].filter(
      (file) => !/^(404\.html|robots\.txt|\.onus-output\.json|_astro\/.*)$/.test(file),
    );
    const taken = [...pages.keys()]
      .filter((file) => file.startsWith('responsibility/'))
      .map((file) => file.slice('responsibility/'.length));
    expect(taken.sort()).toEqual(own.sort());
    const matrix = pages.get('responsibility/matrix/index.html')!.toString();
    expect(matrix).toContain(
      'href="/responsibility/activities/information-and-data-accounts-and-identities/"',
    );
  });

  it('should stop the build at the Markdown line of an error, through Astro, with no stack trace of Onus', async () => {
    const model = await readFile(path.join(REPOSITORY, 'examples/cloud-service-models.md'), 'utf8');
    const { built } = await astroSite(
      model.replace(
        '| Devices (mobile and PCs)               | Customer    |',
        '| Devices (mobile and PCs)               | Custmer     |',
      ),
    );
    expect(built.status).not.toBe(0);
    // Astro colours its report where the environment asks for colour (CI's does).
    const output = stripVTControlCharacters(`${built.stdout}${built.stderr}`);
    expect(output).toContain('The shared responsibility model has errors:');
    expect(output).toMatch(/content\/srm\.md\n\s*42:65 +error +Unexpected `Custmer` in a cell/);
    expect(output).toMatch(/Location:\s*\n\s*content\/srm\.md:42:65/);
    expect(output).not.toMatch(/node_modules\/onus\/lib/);
  });
});
