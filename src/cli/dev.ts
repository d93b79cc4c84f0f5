import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Io } from './io.ts';
import { printable } from './printable.ts';
import { tmpdir } from 'node:os';
import { installationOutside, makeWorkspace } from './astro-build.ts';
import { astroEnvironment, prepareContent, PROJECT_ROOT } from './prepare.ts';
import { dependenciesFolder } from '../io/project-root.ts';

export const devUsage = `Usage: onus dev [--content DIR] [--port N] [--host]

Serves the site of the models in DIR (default content/) with live reload: save the Markdown
and the open pages update. Stop with Ctrl+C.

  --content DIR   folder of model files, also in subfolders (default: content)
  --port N        port to listen on (default: 4321)
  --host          listen on every network interface, not only localhost`;

export async function dev(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      content: { type: 'string', default: 'content' },
      port: { type: 'string', default: '4321' },
      host: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`onus dev: --port must be a port number, got \`${values.port}\`\n`);
    return 2;
  }
  const prepared = await prepareContent(values.content, io);
  const models = prepared && (await prepared.models);
  if (!prepared || !models) return 1;

  astroEnvironment(prepared.directory);
  const { dev: astroDev } = await import('astro');
  // The dev server's own root, with Astro's generated files and caches.
  const workspace = await makeWorkspace(process.env.ONUS_CACHE_DIR ?? tmpdir(), 'onus-dev');
  const outside = installationOutside(workspace);
  const server = await astroDev({
    ...outside,
    server: { port, host: values.host },
    vite: {
      ...outside.vite,
      server: { fs: { allow: [PROJECT_ROOT, dependenciesFolder(), workspace] } },
    },
  });
  io.stderr(
    `Serving ${printable(models.length === 1 ? models[0]!.title : `${models.length} models`)} at http://localhost:${server.address.port}/ — edit ${printable(models.length === 1 ? path.relative(io.cwd, prepared.files[0]!) : values.content)} and pages reload.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.stop();
  return 0;
}
