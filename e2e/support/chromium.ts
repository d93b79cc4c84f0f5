import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Where a Chromium may be: named by the environment, Debian's, then Playwright's own download. */
const ENV_VARS = ['ONUS_CHROMIUM', 'CHROMIUM_PATH', 'CHROME_PATH'];
const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** Flags that keep Chromium from reaching the network on its own, and let it run as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function findChromium(): string | undefined {
  for (const name of ENV_VARS) {
    const value = process.env[name];
    if (value && existsSync(value)) return value;
  }
  const system = SYSTEM_PATHS.find((candidate) => existsSync(candidate));
  if (system) return system;
  try {
    const bundled = chromium.executablePath();
    if (bundled && existsSync(bundled)) return bundled;
  } catch {
    // Playwright has no browser of its own here.
  }
  return undefined;
}

/**
 * A Chromium to test with. On a fresh machine where none is found and we are root with
 * apt-get, Debian's `chromium` is installed; otherwise we stop and say how to get one.
 */
export function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (isRoot && hasApt) {
    process.stderr.write("No Chromium found: installing Debian's chromium with apt-get…\n");
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    "No Chromium found for the browser tests. Either install Debian's chromium " +
      '(`sudo apt-get install chromium`, which puts it at /usr/bin/chromium), or point ' +
      'ONUS_CHROMIUM at a Chrome or Chromium executable. Where downloads are allowed, ' +
      '`npx playwright install chromium` works too.',
  );
}
