import { runOnThread } from '../io/threads.ts';
import type { Model } from '../model/index.ts';
import { siblingModule } from '../io/project-root.ts';

/**
 * A build's search index is the most work of any one page (0.2 s for 10,000 activities): the
 * loader has it built on a thread of its own as soon as it has the models, while Astro bundles
 * and renders the rest, and the page takes it over. The loader and the pages are two module
 * instances in one process: the index passes through a global symbol, under the digest of the
 * models it was built from.
 */
const KEY = Symbol.for('onus.searchIndex');

/** Below this, the search index takes less than starting a thread to build it (0.1 s). */
export const ASIDE_FROM_ACTIVITIES = 2_000;

interface BuiltAside {
  digest: string;
  script: Promise<string>;
}

const slot = globalThis as Record<symbol, BuiltAside | undefined>;

export function buildSearchIndexAside(digest: string, models: readonly Model[]): void {
  const script = runOnThread<string>(siblingModule('search-index-worker', import.meta.url), models);
  // Taken over, or not, by the page; a failure there means the page builds it itself.
  script.catch(() => undefined);
  slot[KEY] = { digest, script };
}

/** The index built aside from the models of this digest, if any. */
export function takeOverSearchIndex(digest: string): Promise<string> | undefined {
  const aside = slot[KEY];
  return aside?.digest === digest ? aside.script : undefined;
}
