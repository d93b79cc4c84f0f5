import { randomUUID } from 'node:crypto';
import { symlink } from 'node:fs/promises';
import path from 'node:path';
import { makeRunFolder } from '../io/run-folder.ts';
import type { ModelRelease } from '../diff/history.ts';
import { handOverLibrary, type CheckedLibrary } from '../loader/handoff.ts';
import { ModelSchema, type Model } from '../model/index.ts';
import { ASIDE_FROM_ACTIVITIES, buildSearchIndexAside } from '../search/built-aside.ts';
import type { LinkMode } from '../site/links.ts';
import { normalizeBase } from '../site/routes.ts';
import { astroEnvironment, PROJECT_ROOT } from './prepare.ts';
import { dependenciesFolder, SOURCE_ROOT } from '../io/project-root.ts';
import { onusAstroConfig } from '../site/astro-config.ts';

export interface AstroBuildOptions {
  /** The checked content folder (absolute). */
  content: string;
  /** Only this model of the content folder (`onus export --model`). */
  model?: string;
  /** The models as checked (pending while they parse), or undefined when one has errors. */
  models: Promise<readonly Model[] | undefined>;
  /** Each model's earlier releases, oldest first (`--history`). */
  histories?: ReadonlyMap<string, readonly ModelRelease[]>;
  links: LinkMode;
  base?: string;
  site?: string;
  verbose?: boolean;
}

/**
 * Build the site with Astro into `outDir` (a fresh folder: the pages go straight where they
 * will stay). When the output is outside the working folder, Astro writes the code it
 * prerenders with under `<cwd>/.astro/`, imports it from there, and moves assets from there
 * to the output with a rename. So the build runs from a workspace of its own next to the
 * output — the same file system, and no concurrent build shares it — whose `node_modules`
 * links to the project's, where that code's imports resolve. The workspace is removed when the
 * process ends, whatever happens.
 */
export async function astroBuild(
  options: AstroBuildOptions,
  outDir: string,
  /** Where the workspace goes: next to the command's output folder, outside what gets swapped in. */
  workspaceParent: string,
): Promise<void> {
  astroEnvironment(options.content, options.links, options.model);
  const library = options.models.then((models) =>
    checkedLibrary(models, { histories: options.histories, downloadsAside: true }),
  );
  // Taken over by the pages; a build that fails before them must not leave it unhandled.
  library.catch(() => undefined);
  handOverLibrary(library);
  const { build } = await import('astro');
  const workspace = await makeWorkspace(workspaceParent, '.onus-work');
  process.chdir(workspace);
  try {
    await build(
      {
        ...installationOutside(workspace),
        outDir,
        base: normalizeBase(options.base),
        ...(options.site && { site: options.site }),
        logLevel: options.verbose ? 'info' : 'warn',
      },
      // The pages read the library handed over: no content layer to sync. An option of Astro's
      // builder that its public type leaves out; were it ever ignored, the loader still works.
      { sync: false } as Parameters<typeof build>[1],
    );
  } finally {
    process.chdir(PROJECT_ROOT);
  }
}

/**
 * The models as the content collection's schema gives them, and their search index started
 * aside when it is large enough to be worth a thread.
 */
export function checkedLibrary(
  models: readonly Model[] | undefined,
  { histories, downloadsAside }: Pick<CheckedLibrary, 'histories' | 'downloadsAside'>,
): CheckedLibrary | undefined {
  if (!models) return undefined;
  const checked = models.map((model) => ModelSchema.parse(model));
  const digest = randomUUID();
  const activities = checked.reduce((sum, model) => sum + model.activities.length, 0);
  if (activities >= ASIDE_FROM_ACTIVITIES) buildSearchIndexAside(digest, checked);
  return {
    digest,
    models: checked,
    ...(histories && { histories }),
    ...(downloadsAside && { downloadsAside }),
  };
}

/**
 * A folder for Astro to run from, removed at exit (Astro saves its content store on a timer,
 * which may fire after a failed build returned); its `node_modules` links to the
 * installation's dependencies, where the code Astro generates resolves its imports.
 */
export async function makeWorkspace(parent: string, prefix: string): Promise<string> {
  const workspace = await makeRunFolder(parent, prefix);
  await symlink(dependenciesFolder(), path.join(workspace, 'node_modules'), 'junction');
  return workspace;
}

/**
 * Astro writes its generated types and data store under `<root>/.astro/` and Vite its cache
 * under `<root>/node_modules/`: with the workspace as the root and the sources read from the installation,
 * a build or dev server writes nothing into the Onus installation, which may be read-only.
 */
export function installationOutside(workspace: string) {
  const config = onusAstroConfig();
  return {
    ...config,
    root: workspace,
    // Given inline: the package has no config file, and a project's own must not be read.
    configFile: false as const,
    srcDir: SOURCE_ROOT,
    publicDir: path.join(PROJECT_ROOT, 'public'),
    cacheDir: path.join(workspace, 'cache'),
    // Vite's own cache would go under `<root>/node_modules`, the installation's.
    vite: { ...config.vite, cacheDir: path.join(workspace, 'vite') },
  };
}
