#!/usr/bin/env node
import { existsSync } from 'node:fs';

// Astro 7 needs Node 22.12 or later, and a checkout runs its TypeScript sources by type stripping.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `onus: Node ${process.versions.node} is too old, expected Node 22.12 or later.\n` +
      'Run it as `npx onus …` or through `npm run …`: a project made by `onus init`, like the\n' +
      'Onus checkout, pins Node 22 (the `node` devDependency), which those two use.\n',
  );
  process.exit(2);
}
// Like Astro's own CLI: keep the compiled code of Astro, Vite and the rest on disk between runs
// (off in CI, where the cache is never read again).
if (!process.env.CI) {
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
}
// A checkout runs src/ as it is; the package (no src/) runs it compiled into lib/.
const sources = existsSync(new URL('../src/cli/main.ts', import.meta.url)) ? 'src' : 'lib';
const extension = sources === 'src' ? 'ts' : 'js';
const { main } = await import(`../${sources}/cli/main.${extension}`);
const { installInterruptHandlers } = await import(`../${sources}/io/interrupt.${extension}`);
installInterruptHandlers();
process.exitCode = await main(process.argv.slice(2));
