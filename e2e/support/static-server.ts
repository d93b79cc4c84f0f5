import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sirv from 'sirv';

export interface StaticServer {
  /** The site's address, base path included, ending in `/`. */
  url: string;
  close: () => Promise<void>;
}

export interface StaticServerOptions {
  /** Path the site is served under, as built with `--base` (default `/`). */
  base?: string;
  /** Extra response headers, such as a Content-Security-Policy. */
  headers?: Record<string, string>;
  /** The port to listen on (default: any free one). */
  port?: number;
}

/** Serves a built site on a free port of 127.0.0.1, with its 404 page for unknown paths. */
export async function serveStatic(
  folder: string,
  options: StaticServerOptions = {},
): Promise<StaticServer> {
  const base = options.base ?? '/';
  const files = sirv(folder, { dev: false, etag: true, extensions: ['html'], dotfiles: false });
  const notFound = await readFile(path.join(folder, '404.html')).catch(() =>
    Buffer.from('Not found'),
  );

  const server: Server = createServer((request, response) => {
    for (const [name, value] of Object.entries(options.headers ?? {}))
      response.setHeader(name, value);
    const url = request.url ?? '/';
    if (!url.startsWith(base)) {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
      return;
    }
    request.url = `/${url.slice(base.length)}`;
    files(request, response, () => {
      response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound);
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A port that is free now, for a site that must know its address before it is served. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}
