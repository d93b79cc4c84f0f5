import { execFileSync, spawn } from 'node:child_process';
import {
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exchangeFolders } from '../../src/io/exchange.ts';
import { onus } from '../helpers/onus.ts';

const bin = path.resolve('bin/onus.js');

/** Whether this process may mount a file system (root, outside a sandbox that forbids it). */
function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const point = mkdtempSync(path.join(tmpdir(), 'onus-mount-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', 'none', point], { stdio: 'ignore' });
    execFileSync('umount', [point], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Every file under a folder with its bytes: what must not change. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, full)] = entry.isFile() ? readFileSync(full, 'base64') : '';
  }
  return files;
}

/** A user's project: the seed content, and the files of someone's own. */
function project(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-out-'));
  cpSync('content', path.join(dir, 'content'), { recursive: true });
  mkdirSync(path.join(dir, 'home', '.ssh'), { recursive: true });
  writeFileSync(path.join(dir, 'home', '.ssh', 'id_rsa'), 'secret key\n');
  writeFileSync(path.join(dir, 'report.pdf'), '%PDF-1.7\n');
  return dir;
}

describe('--out never replaces what Onus did not write', { timeout: 120_000 }, () => {
  const refusals: [string, string[], RegExp][] = [
    [
      'the folder onus runs in',
      ['--out', '.'],
      /output folder `\.`: it holds `.*content`, the content folder/,
    ],
    [
      'the content folder',
      ['--out', 'content'],
      /output folder `content`: it is the content folder/,
    ],
    ['a folder holding the project', ['--out', '..'], /output folder `\.\.`: it holds/],
    ['a folder inside the content', ['--out', 'content/site'], /inside the content folder/],
    [
      'a folder of someone else’s files',
      ['--out', 'home'],
      /`home` holding files Onus did not write \(`\.ssh`\)/,
    ],
    ['a file', ['--out', 'report.pdf'], /`report\.pdf`: it is a file, expected a folder/],
    [
      'a folder inside the Onus installation',
      ['--out', path.resolve('src/site-out')],
      /inside the Onus installation's `src\/`/,
    ],
  ];
  for (const [what, args, message] of refusals) {
    for (const command of ['build', 'export']) {
      it(`should refuse ${what} for onus ${command}, touching nothing`, async () => {
        const dir = project();
        const before = snapshot(dir);
        const result = await onus([command, ...args], dir);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(message);
        expect(result.stderr).toMatch(/Nothing was written\.\n$/);
        expect(result.stderr).not.toMatch(/\n\s+at /);
        expect(snapshot(dir)).toEqual(before);
      });
    }
  }

  it('should say only why it refused, though it had begun to read a model with errors', async () => {
    const dir = project();
    writeFileSync(
      path.join(dir, 'content', 'broken.md'),
      '---\ntitle: Broken\n---\n\nNo matrix.\n',
    );
    for (const command of ['build', 'export']) {
      const result = await onus([command, '--out', 'home'], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^onus \w+: Unexpected output folder `home` holding files [^\n]*Nothing was written\.\n$/,
      );
    }
  });

  it('should refuse its own earlier output once someone added a file to it, naming the file', async () => {
    const dir = project();
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'site', 'CNAME'), 'srm.example.com\n');
    const before = snapshot(dir);
    const result = await onus(['build', '--out', 'site'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Unexpected files in the output folder `site` that Onus did not write (`CNAME`)',
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('should refuse its own earlier output once someone added a file deep inside, naming it', async () => {
    const dir = project();
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'site', 'activities', 'notes.txt'), 'mine\n');
    const before = snapshot(dir);
    for (const command of ['build', 'export']) {
      const result = await onus([command, '--out', 'site'], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        'Unexpected files in the output folder `site` that Onus did not write (`activities/notes.txt`)',
      );
      expect(result.stderr).toMatch(/Nothing was written\.\n$/);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('should write into an empty folder, and replace its own output after that', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'empty'));
    expect((await onus(['build', '--out', 'empty'], dir)).code).toBe(0);
    expect(existsSync(path.join(dir, 'empty', 'index.html'))).toBe(true);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'empty', '.onus-output.json'), 'utf8'));
    expect(manifest.generator).toBe('onus');
    expect(manifest.files).toContain('index.html');
    expect((await onus(['build', '--out', 'empty'], dir)).code).toBe(0);
  });

  it('should keep a symbolic link and replace the folder it points to', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'webroot'));
    symlinkSync('webroot', path.join(dir, 'dist'));
    expect((await onus(['build'], dir)).code).toBe(0);
    writeFileSync(
      path.join(dir, 'content', 'vmware-site-recovery.md'),
      readFileSync(path.join(dir, 'content', 'vmware-site-recovery.md'), 'utf8').replace(
        'title: VMware Site Recovery',
        'title: VMware Site Recovery, second edition',
      ),
    );
    expect((await onus(['build'], dir)).code).toBe(0);
    expect(lstatSync(path.join(dir, 'dist')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(path.join(dir, 'dist'))).toBe('webroot');
    expect(readFileSync(path.join(dir, 'webroot', 'index.html'), 'utf8')).toContain(
      'second edition',
    );
    expect(readdirSync(dir).sort()).toEqual(['content', 'dist', 'home', 'report.pdf', 'webroot']);
  });

  it('should refuse a symbolic link to nothing', async () => {
    const dir = project();
    symlinkSync('nowhere', path.join(dir, 'dist'));
    const result = await onus(['build'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('a symbolic link to a folder that does not exist');
  });
});

/** Start a build that pauses before its swap, call `meanwhile` there, and return how it ended. */
function buildPausingBeforeSwap(
  cwd: string,
  meanwhile: () => void,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build', '--out', 'site'], {
      cwd,
      env: { ...process.env, ONUS_TEST_PAUSE_BEFORE_SWAP_MS: '300' },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (chunk.toString().includes('onus: ready to swap')) meanwhile();
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('an earlier output that is not what its manifest says', { timeout: 120_000 }, () => {
  /** Someone's files outside the project, which no build may touch. */
  function elsewhere(): string {
    const folder = mkdtempSync(path.join(tmpdir(), 'onus-elsewhere-'));
    mkdirSync(path.join(folder, 'photos'));
    writeFileSync(path.join(folder, 'photos', 'precious.jpg'), 'mine');
    writeFileSync(path.join(folder, 'thesis.tex'), 'mine');
    return folder;
  }

  it('should refuse a link at its top that the manifest lists with the files behind it', async () => {
    const dir = project();
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    const theirs = elsewhere();
    symlinkSync(theirs, path.join(dir, 'site', 'big'));
    const manifestFile = path.join(dir, 'site', '.onus-output.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files.push('big', 'big/photos/precious.jpg', 'big/thesis.tex');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const before = snapshot(theirs);
    for (const command of ['build', 'export']) {
      const result = await onus([command, '--out', 'site'], dir);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('that Onus did not write (`big`)');
    }
    expect(snapshot(theirs)).toEqual(before);
  });

  it('should refuse links deep inside, looping or leading elsewhere, without following them', async () => {
    const dir = project();
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    const theirs = elsewhere();
    symlinkSync('..', path.join(dir, 'site', 'areas', 'up1'));
    symlinkSync('..', path.join(dir, 'site', 'areas', 'up2'));
    symlinkSync(theirs, path.join(dir, 'site', 'activities', 'big'));
    const manifestFile = path.join(dir, 'site', '.onus-output.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files.push('activities/big/thesis.tex', 'areas/up1', 'areas/up2');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const before = snapshot(theirs);
    const old = readFileSync(path.join(dir, 'site', 'index.html'));
    const result = await onus(['build', '--out', 'site'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'that Onus did not write (`activities/big (a symbolic link)`, `areas/up1 (a symbolic link)`, `areas/up2 (a symbolic link)`)',
    );
    expect(readFileSync(path.join(dir, 'site', 'index.html'))).toEqual(old);
    expect(snapshot(theirs)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('should find a file written deep inside while the site was built, and keep the old output', async () => {
    const dir = project();
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    const late = path.join(dir, 'site', 'activities', 'late-notes.txt');
    const result = await buildPausingBeforeSwap(dir, () => writeFileSync(late, 'mine\n'));
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      'Unexpected files in the output folder `site` that Onus did not write (`activities/late-notes.txt`)',
    );
    expect(readFileSync(late, 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    // Once the file is moved away, the next build replaces the output.
    rmSync(late);
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
  });

  it.runIf(canMount())(
    'should refuse a mount point inside, even over a folder its manifest lists',
    async () => {
      const dir = project();
      expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
      const area = path.join(
        dir,
        'site',
        'areas',
        readdirSync(path.join(dir, 'site', 'areas'))[0]!,
      );
      execFileSync('mount', ['-t', 'tmpfs', 'none', area]);
      try {
        writeFileSync(path.join(area, 'index.html'), 'on another file system');
        const result = await onus(['build', '--out', 'site'], dir);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          /that Onus did not write \(`areas\/[^`]+\/ \(a mount point\)`\)/,
        );
        expect(readFileSync(path.join(area, 'index.html'), 'utf8')).toBe('on another file system');
        expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
      } finally {
        execFileSync('umount', [area]);
      }
    },
  );

  // As root, the builds run as `nobody`, who cannot remove a folder of root's.
  it.runIf(process.getuid?.() === 0)(
    'should say what of the old output it could not remove, and build again after that',
    async () => {
      const dir = project();
      chownSync(dir, 65534, 65534);
      const asNobody = { uid: 65534, gid: 65534 };
      const build = () =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [bin, 'build', '--out', 'site'], {
            cwd: dir,
            ...asNobody,
            env: { ...process.env, HOME: dir },
          });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('exit', (code) => resolve({ code, stderr }));
        });
      expect((await build()).code).toBe(0);
      const locked = path.join(dir, 'site', 'activities');
      chownSync(locked, 0, 0);
      const first = await build();
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(
        /could not be removed whole \(EACCES at `[^`]*activities[^`]*`\)/,
      );
      expect(first.stderr).toMatch(/^Built the site/m);
      const second = await build();
      expect(second.code, second.stderr).toBe(0);
      expect(second.stderr).toMatch(/could not be removed whole/);
      chownSync(path.join(dir, 'site', 'activities'), 65534, 65534);
    },
  );
});

/** Start a build whose swap is slowed, SIGKILL it inside the swap, and return what it printed. */
function killInsideSwap(cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'build', '--out', 'site'], {
      cwd,
      env: { ...process.env, ONUS_TEST_SLOW_SWAP_MS: '60000', ...env },
    });
    let output = '';
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('swapping the output folder')) child.kill('SIGKILL');
    };
    child.stderr.on('data', listen);
    child.on('exit', () => resolve(output));
  });
}

describe('a build killed while it swaps in the new output', { timeout: 120_000 }, () => {
  let dir: string;
  let old: Record<string, string>;

  beforeAll(async () => {
    dir = project();
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    old = snapshot(path.join(dir, 'site'));
  }, 120_000);

  it('should leave the new output whole when it can exchange folders', async () => {
    const model = path.join(dir, 'content', 'vmware-site-recovery.md');
    const text = readFileSync(model, 'utf8');
    writeFileSync(model, text.replace('title: VMware Site Recovery', 'title: Killed edition'));
    await killInsideSwap(dir, {});
    writeFileSync(model, text);
    expect(readFileSync(path.join(dir, 'site', 'index.html'), 'utf8')).toContain('Killed edition');
    expect(
      JSON.parse(readFileSync(path.join(dir, 'site', '.onus-output.json'), 'utf8')).files,
    ).toEqual(
      readdirSync(path.join(dir, 'site'), { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile() && entry.name !== '.onus-output.json')
        .map((entry) =>
          path.relative(path.join(dir, 'site'), path.join(entry.parentPath, entry.name)),
        )
        .sort(),
    );
    // The next run removes what the killed one left.
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).not.toEqual([]);
    expect((await onus(['build', '--out', 'site'], dir)).code).toBe(0);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(snapshot(path.join(dir, 'site'))).toEqual(old);
  });

  it('should put the old output back on the next run where it could not exchange', async () => {
    await killInsideSwap(dir, { ONUS_NO_EXCHANGE: '1' });
    expect(existsSync(path.join(dir, 'site'))).toBe(false);
    const result = await onus(['build', '--out', 'site', '--content', 'missing'], dir);
    expect(result.code).toBe(1);
    const again = await onus(['build', '--out', 'site'], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(snapshot(path.join(dir, 'site'))).toEqual(old);
    expect(readdirSync(dir).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('exchangeFolders', () => {
  it('should swap two folders in one step', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onus-exchange-'));
    mkdirSync(path.join(dir, 'a'));
    mkdirSync(path.join(dir, 'b'));
    writeFileSync(path.join(dir, 'a', 'which'), 'a');
    writeFileSync(path.join(dir, 'b', 'which'), 'b');
    expect(exchangeFolders(path.join(dir, 'a'), path.join(dir, 'b'))).toBe(true);
    expect(readFileSync(path.join(dir, 'a', 'which'), 'utf8')).toBe('b');
    expect(readFileSync(path.join(dir, 'b', 'which'), 'utf8')).toBe('a');
  });
});
