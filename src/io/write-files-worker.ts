import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { workerData } from 'node:worker_threads';
import type { FileToWrite } from './threads.ts';

const { folder, files } = workerData as { folder: string; files: FileToWrite[] };
for (const { file, text } of files) {
  const target = path.join(folder, file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}
