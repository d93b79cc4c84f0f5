import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import type { VFile } from 'vfile';
import type { Plugin } from 'vite';
import { checkedLibrary } from '../cli/astro-build.ts';
import type { Io } from '../cli/io.ts';
import { prepareContent } from '../cli/prepare.ts';
import { formatReport } from '../cli/printable.ts';
import { siblingModule, SOURCE_ROOT } from '../io/project-root.ts';
import { handOverLibrary } from '../loader/handoff.ts';
import { onusDefines } from '../site/astro-config.ts';
import { normalizeBase } from '../site/routes.ts';
import { pageRoutes } from './page-routes.ts';

export interface OnusOptions {
  /** The folder of model files, from the site's root (default `content`). */
  content?: string;
  /** The folder of the site the pages go in (default `/srm/`), under the site's own `base`. */
  base?: string;
}

/**
 * `import onus from 'onus/astro'`: the models' pages — overview, matrix, party, area and
 * activity pages, model.json and the CSVs — in an Astro site of the author's own, under its
 * `site` and `base`, one folder down; in a Starlight site, framed by Starlight's own page (its
 * header, sidebar, theme and search). The models are checked as `onus check` checks them: an
 * error stops the build through Astro's own error reporting, at the Markdown line.
 */
export default function onus(options: OnusOptions = {}): AstroIntegration {
  const prefix = normalizeBase(options.base ?? '/srm/').slice(1);
  return {
    name: 'onus',
    hooks: {
      'astro:config:setup': async ({ config, injectRoute, updateConfig, addWatchFile, logger }) => {
        if (config.build.format === 'file' || config.trailingSlash === 'never') {
          throw new AstroError(
            `Onus's pages link to folders (\`/${prefix}matrix/\`), which this site's configuration does not serve`,
            "Keep build.format 'directory' and trailingSlash 'always' or 'ignore' (Astro's defaults).",
          );
        }
        const root = fileURLToPath(config.root);
        const content = options.content ?? 'content';
        const output: string[] = [];
        const io: Io = {
          stdout: () => undefined,
          stderr: (text) => output.push(text),
          color: false,
          cwd: root,
        };
        const prepared = await prepareContent(content, io);
        if (!prepared)
          throw new AstroError(
            output.join('').trim(),
            "Onus reads the models in the `content` option's folder, from the site's root.",
          );
        for (const file of prepared.files) addWatchFile(file);
        const models = await prepared.models;
        const reports = await prepared.reports;
        if (!models) throw modelErrors(reports);
        if (reports.length > 0) logger.warn(formatReport(reports, false));
        handOverLibrary(Promise.resolve(checkedLibrary(models, {})));

        const pages = path.join(SOURCE_ROOT, 'pages');
        const files = (await readdir(pages, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile())
          .map((entry) => path.relative(pages, path.join(entry.parentPath, entry.name)));
        for (const route of pageRoutes(files, prefix.replace(/\/$/, ''))) {
          injectRoute({ pattern: route.pattern, entrypoint: path.join(pages, route.file) });
        }
        injectRoute({
          pattern: `/${prefix}[publicFile]`,
          entrypoint: siblingModule('public-file', import.meta.url),
        });

        const starlight = config.integrations.some(
          (integration) => integration.name === '@astrojs/starlight',
        );
        updateConfig({
          vite: {
            define: onusDefines(prefix),
            plugins: starlight ? [starlightFrame()] : [],
          },
        });
        logger.info(
          `${models.length === 1 ? models[0]!.title : `${models.length} models`} at ${normalizeBase(config.base)}${prefix}${starlight ? ', framed by Starlight' : ''}`,
        );
      },
    },
  };
}

/**
 * The models' errors as Astro reports an error: the report `onus check` prints, located at the
 * first error's Markdown line rather than at this code, with no stack trace of Onus's.
 */
function modelErrors(reports: VFile[]): AstroError {
  const first = reports.flatMap((file) => file.messages).find((message) => message.fatal);
  const error = new AstroError(
    `The shared responsibility model has errors:\n${formatReport(reports, false)}`,
    'Mend the Markdown at the lines named; `npx onus check` says the same.',
  );
  const file = reports.find((report) => report.messages.includes(first!))?.path;
  Object.assign(error, {
    loc: { file, line: first?.line ?? undefined, column: first?.column ?? undefined },
    stack: `${error.name}: ${error.message}`,
  });
  return error;
}

/** Onus's pages take Starlight's page frame: their layout is swapped for one that renders in it. */
function starlightFrame(): Plugin {
  const layout = path.join(SOURCE_ROOT, 'layouts', 'Base.astro');
  const framed = path.join(SOURCE_ROOT, 'layouts', 'StarlightBase.astro');
  return {
    name: 'onus:starlight-frame',
    enforce: 'pre',
    async resolveId(source, importer, resolveOptions) {
      if (!source.endsWith('/layouts/Base.astro') || !importer?.startsWith(SOURCE_ROOT))
        return null;
      const resolved = await this.resolve(source, importer, { ...resolveOptions, skipSelf: true });
      return resolved?.id === layout ? framed : resolved;
    },
  };
}
