import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { DataDownloadOptions } from '../export/data-downloads.ts';
import type { Model } from '../model/index.ts';
import { siblingModule } from '../io/project-root.ts';

export interface DataDownload {
  /** Where it goes in the site, relative to its root. */
  file: string;
  bytes: Uint8Array;
}

/**
 * Each model's workbook and OSCAL component definition: made on a thread of their own while
 * Astro renders the pages (a workbook of 1,000 activities takes a third of a second), and
 * handed back to be written once the build has succeeded — a build that fails writes none.
 * The thread starts at once and loads the exporters while the models are read. Undefined when
 * the models have errors.
 */
export async function makeDataDownloads(
  models: Promise<readonly Model[] | undefined>,
  options: DataDownloadOptions,
): Promise<DataDownload[] | undefined> {
  const worker = new Worker(siblingModule('data-downloads-worker', import.meta.url));
  const made = new Promise<DataDownload[]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      reject(new Error(`the downloads' thread stopped with code ${code}`)),
    );
  });
  const ready = await models.catch(() => undefined);
  if (!ready) {
    await worker.terminate();
    return undefined;
  }
  worker.postMessage({ models: ready, options });
  return made;
}

/** Write the downloads into the site's folder, whose folders may exist. */
export function writeDataDownloads(files: readonly DataDownload[], folder: string): void {
  for (const { file, bytes } of files) {
    const target = path.join(folder, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, bytes);
  }
}
