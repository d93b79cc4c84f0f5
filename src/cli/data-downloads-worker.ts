import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import { dataDownloads, type DataDownloadOptions } from '../export/data-downloads.ts';
import type { Model } from '../model/index.ts';

const { folder, models, options } = workerData as {
  folder: string;
  models: Model[];
  options: DataDownloadOptions;
};
for (const { file, bytes } of await dataDownloads(models, options)) {
  const target = path.join(folder, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, bytes);
}
