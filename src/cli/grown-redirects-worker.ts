import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import type { Model } from '../model/index.ts';
import { grownRedirects } from '../site/grown-redirects.ts';
import { indexLibrary } from '../site/library.ts';

const { folder, models, base } = workerData as { folder: string; models: Model[]; base: string };
// Written synchronously: ten thousand small files take a tenth of the time they take awaited.
for (const { file, html } of grownRedirects(indexLibrary(models), base)) {
  const target = path.join(folder, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, html);
}
