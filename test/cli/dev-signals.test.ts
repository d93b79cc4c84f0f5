import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADVERSARIAL_CASES } from '../../bench/adversarial.ts';
import { freePort } from '../../e2e/support/static-server.ts';
import { authorEnvironment } from '../helpers/packed-project.ts';

const bin = path.resolve('bin/onus.js');

/** Whether something listens on a port of this machine. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Start `onus dev` as `command args…`, wait until it serves, then send `signal` to what was started. */
async function stopDev(command: string, args: string[], signal: NodeJS.Signals) {
  const port = await freePort();
  const child = spawn(command, [...args, 'dev', '--port', String(port)], {});
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`onus dev did not start:\n${output}`)), 60_000);
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Serving ')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', listen);
    child.stderr.on('data', listen);
  });
  expect(await listening(port)).toBe(true);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  // The server goes and the process ends, whatever ran it; 60 s only catches a hang.
  await waitFor(
    async () => !(await listening(port)),
    60_000,
    () => output,
  );
  await exited;
  return { port, output };
}

describe('stopping onus dev', { timeout: 120_000 }, () => {
  it('should close the server on SIGTERM sent to npx', async () => {
    const { port } = await stopDev('npx', ['onus'], 'SIGTERM');
    expect(await listening(port)).toBe(false);
  });

  it('should close the server on SIGINT sent to onus itself', async () => {
    const { port } = await stopDev(process.execPath, [bin], 'SIGINT');
    expect(await listening(port)).toBe(false);
  });
});

/** `onus dev` on a copy of the seed, served once it says so. */
async function startDev(env: NodeJS.ProcessEnv = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'onus-dev-'));
  cpSync('content', path.join(dir, 'content'), { recursive: true });
  const port = await freePort();
  const child = spawn(process.execPath, [bin, 'dev', '--port', String(port)], {
    cwd: dir,
    env: { ...authorEnvironment(), ...env },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitFor(
    () => output.includes('Serving '),
    60_000,
    () => output,
  );
  return { dir, port, child, output: () => output };
}

async function waitFor(done: () => boolean | Promise<boolean>, ms: number, say = () => '') {
  const until = performance.now() + ms;
  while (!(await done())) {
    if (performance.now() > until) throw new Error(`timed out:\n${say()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const page = (port: number) =>
  fetch(`http://127.0.0.1:${port}/`).then((response) => response.text());

/** Text that makes the test parse thread run on for ever (`ONUS_TEST_PARSE_RUNAWAY`). */
const RUNAWAY = 'onus-test-runaway-parse';

/** A save within every limit that takes seconds to parse: 50,000 links in prose. */
const slowModel = () =>
  ADVERSARIAL_CASES.find((entry) => entry.name.startsWith('50,000 links'))!.text();

describe('onus dev, while a save parses', { timeout: 120_000 }, () => {
  it('should parse on its thread, within the limits, and keep answering', async () => {
    const dev = await startDev({ ONUS_TEST_PARSE_SECONDS: '10', ONUS_TEST_PARSE_RUNAWAY: RUNAWAY });
    const stopped = 'Unexpected parse still running after 10 s';
    try {
      // A file written while the watcher is still starting goes unheard: first a probe, saved
      // until the loader reports its error, so that the watcher is surely listening.
      let round = 0;
      await waitFor(
        () => {
          if (round++ % 30 === 0) {
            writeFileSync(path.join(dev.dir, 'content', 'probe.md'), `no model ${round}\n`);
          }
          return dev.output().includes('probe.md');
        },
        90_000,
        dev.output,
      );
      // Then a save whose parse never ends: a page answered before the time net stops it was
      // not held up by it — whatever the machine's load, no stopwatch decides.
      // Saved whole, as editors save, by a rename: written in place, the watcher could report
      // the file while still empty and then drop the write's own event as no change (its
      // mtime already seen), so that the parse under test never started.
      const saved = path.join(dev.dir, 'slow.md.saving');
      writeFileSync(saved, `${slowModel()}\n\n${RUNAWAY}\n`);
      renameSync(saved, path.join(dev.dir, 'content', 'slow.md'));
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const body = await page(dev.port);
      expect(body, body.slice(0, 3000)).toContain('VMware Site Recovery');
      expect(dev.output()).not.toContain(stopped);
      await waitFor(() => dev.output().includes(stopped), 60_000, dev.output);
    } finally {
      dev.child.kill('SIGKILL');
    }
  });

  it('should stop on SIGTERM without waiting for a parse, which here never ends', async () => {
    const dev = await startDev({ ONUS_TEST_PARSE_RUNAWAY: RUNAWAY });
    writeFileSync(path.join(dev.dir, 'content', 'slow.md'), `${slowModel()}\n\n${RUNAWAY}\n`);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const exited = new Promise((resolve) => dev.child.once('exit', resolve));
    dev.child.kill('SIGTERM');
    // A stop that waited for the parse would never come: 60 s only catches that hang.
    await waitFor(async () => !(await listening(dev.port)), 60_000, dev.output);
    await exited;
    expect(await listening(dev.port)).toBe(false);
  });

  it('should serve the scripts its pages load, at the addresses the built site has', async () => {
    const dev = await startDev();
    try {
      const html = await page(dev.port);
      const scripts = [...html.matchAll(/<script[^>]* src="(\/scripts\/[^"]+\.js)"/g)].map(
        (match) => match[1]!,
      );
      expect(scripts).toEqual(['/scripts/theme.js', '/scripts/site.js']);
      for (const script of [...scripts, '/scripts/search.js', '/scripts/search-page.js']) {
        const response = await fetch(`http://127.0.0.1:${dev.port}${script}`);
        expect(response.status, script).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
      }
    } finally {
      dev.child.kill('SIGKILL');
    }
  });

  it('should reload again once the content folder is moved away and back', async () => {
    const dev = await startDev();
    try {
      const content = path.join(dev.dir, 'content');
      renameSync(content, `${content}-away`);
      await waitFor(() => dev.output().includes('Unexpected missing file'), 10_000, dev.output);
      renameSync(`${content}-away`, content);
      const model = path.join(content, 'vmware-site-recovery.md');
      const edited = readFileSync(model, 'utf8').replace(
        'title: VMware Site Recovery',
        'title: Returned edition',
      );
      // The loader watches the folder again once it sees it back, which a loaded machine may
      // take a while to set up; a save made meanwhile goes unheard: saved again until heard.
      let round = 0;
      await waitFor(
        async () => {
          if (round++ % 30 === 0) writeFileSync(model, edited);
          return (await page(dev.port)).includes('Returned edition');
        },
        30_000,
        dev.output,
      );
    } finally {
      dev.child.kill('SIGKILL');
    }
  });
});
