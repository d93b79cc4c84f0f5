import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Onus installation itself: a checkout, or the package in a project's node_modules. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * A checkout runs its TypeScript sources from src/ (Node strips the types); the package runs
 * the same modules compiled to lib/, since Node strips no types inside node_modules.
 */
const COMPILED = import.meta.url.endsWith('.js');

/** Where the site's sources are: pages, components, styles and the modules they import. */
export const SOURCE_ROOT = path.join(PROJECT_ROOT, COMPILED ? 'lib' : 'src');

/** A module beside `base` (an `import.meta.url`), named without its extension: for a thread. */
export function siblingModule(name: string, base: string): URL {
  return new URL(`./${name}${COMPILED ? '.js' : '.ts'}`, base);
}

/**
 * The node_modules folder Onus's dependencies resolve from: the checkout's own, or — installed
 * as a package — the project's, found as Node finds a package.
 */
export function dependenciesFolder(): string {
  for (let folder = PROJECT_ROOT; ; folder = path.dirname(folder)) {
    const candidate = path.join(folder, 'node_modules');
    if (existsSync(path.join(candidate, 'astro', 'package.json'))) return candidate;
    if (path.dirname(folder) === folder)
      throw new Error(`Astro is not installed where Onus (${PROJECT_ROOT}) can find it`);
  }
}
