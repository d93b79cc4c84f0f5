import { parentPort, workerData } from 'node:worker_threads';
import { foreignEntries } from './output-guard.ts';

parentPort?.postMessage(foreignEntries(workerData as string));
