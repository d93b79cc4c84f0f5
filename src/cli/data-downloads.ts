import { mkdirSync, readdirSync, renameSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataDownloadOptions } from '../export/data-downloads.ts';
import { makeRunFolder } from '../io/run-folder.ts';
import type { Model } from '../model/index.ts';

/**
 * Each model's workbook and OSCAL component definition: made on a thread of their own while
 * Astro renders the pages (a workbook of 1,000 activities takes a third of a second), into a
 * folder of their own. The thread starts at once and loads the exporters while the models are
 * read. Returns that folder, or undefined when the models have errors.
 */
export async function stageDataDownloads(
  models: Promise<readonly Model[] | undefined>,
  parent: string,
  options: DataDownloadOptions,
): Promise<string | undefined> {
  const worker = new Worker(new URL('./data-downloads-worker.ts', import.meta.url));
  const finished = new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`the downloads' thread stopped with code ${code}`)),
    );
  });
  const ready = await models.catch(() => undefined);
  if (!ready) {
    await worker.terminate();
    return undefined;
  }
  const staging = await makeRunFolder(parent, '.onus-work');
  worker.postMessage({
    folder: staging,
    models: ready,
    options,
  });
  await finished;
  return staging;
}

/** Move every file `staging` holds to the same place in `folder`, whose folders may exist. */
export function moveFilesInto(staging: string, folder: string): void {
  for (const entry of readdirSync(staging, { withFileTypes: true })) {
    const from = path.join(staging, entry.name);
    const to = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      mkdirSync(to, { recursive: true });
      moveFilesInto(from, to);
    } else {
      renameSync(from, to);
    }
  }
}
