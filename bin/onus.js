#!/usr/bin/env node
// Onus runs its TypeScript sources directly, which needs Node's type stripping (Node 22.12+).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(
    `onus: Node ${process.versions.node} is too old, expected Node 22.12 or later.\n` +
      'Run it as `npx onus …` or through `npm run …` inside the checkout: the project pins Node 22.\n',
  );
  process.exit(2);
}
// Like Astro's own CLI: keep the compiled code of Astro, Vite and the rest on disk between runs
// (off in CI, where the cache is never read again).
if (!process.env.CI) {
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
}
const { main } = await import('../src/cli/main.ts');
const { installInterruptHandlers } = await import('../src/io/interrupt.ts');
installInterruptHandlers();
process.exitCode = await main(process.argv.slice(2));
