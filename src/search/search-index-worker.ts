import { parentPort, workerData } from 'node:worker_threads';
import type { Model } from '../model/index.ts';
import { searchIndexScript } from './build-index.ts';

parentPort?.postMessage(searchIndexScript(workerData as Model[]));
