import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { PROJECT } from './sites.ts';

/**
 * `onus dev` on a copy of a content folder: for each of a few edits, the time from saving a
 * change to the Markdown to the open page showing it, with nothing but the dev server's own
 * live reload.
 */
export async function devReload(browser: Browser, content: string, edits = 3): Promise<number[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'onus-bench-dev-'));
  cpSync(content, folder, { recursive: true });
  const file = path.join(folder, 'vmware-site-recovery.md');
  const port = 4600 + Math.floor(Math.random() * 300);
  const server = spawn(
    process.execPath,
    [path.join(PROJECT, 'bin/onus.js'), 'dev', '--content', folder, '--port', String(port)],
    {
      cwd: PROJECT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const listen = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Serving')) resolve();
      };
      server.stdout.on('data', listen);
      server.stderr.on('data', listen);
      server.on('exit', () => reject(new Error(`onus dev stopped: ${output}`)));
    });
    const page = await browser.newPage();
    await page.goto(`http://localhost:${port}/activities/vmc-on-aws-sddc-lifecycle-nsx/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    const times: number[] = [];
    for (let edit = 1; edit <= edits; edit++) {
      const text = readFileSync(file, 'utf8');
      const marker = `NSX edit ${edit}`;
      const saved = performance.now();
      writeFileSync(
        file,
        text.replace(/^ {2}- NSX.*$/m, `  - ${marker} {#vmc-on-aws-sddc-lifecycle-nsx}`),
      );
      await page.getByRole('heading', { level: 1, name: marker }).waitFor({ timeout: 30_000 });
      times.push(performance.now() - saved);
    }
    await page.close();
    return times;
  } finally {
    server.kill('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  }
}
