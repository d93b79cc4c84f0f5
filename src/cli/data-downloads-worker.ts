import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { DataDownloadOptions } from '../export/data-downloads.ts';
import type { Model } from '../model/index.ts';

// Below the pages on the machine's cores: on Linux a thread's nice value is its own, so Astro's
// thread keeps its share and this one takes what is left. Where that is refused, it runs as is.
try {
  setPriority(19);
} catch {
  // Not allowed here: the files are the same, only later.
}
// Loaded while the models are still being read: the exporters' modules are most of the work.
const loading = import('../export/data-downloads.ts');

parentPort!.once(
  'message',
  async ({ models, options }: { models: Model[]; options: DataDownloadOptions }) => {
    const { dataDownloads } = await loading;
    const files = await dataDownloads(models, options);
    // Handed back, not written: only the build writes into its output, once it has succeeded.
    parentPort!.postMessage(
      files,
      files.map(({ bytes }) => bytes.buffer as ArrayBuffer),
    );
    parentPort!.close();
  },
);
