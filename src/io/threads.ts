import { Worker } from 'node:worker_threads';

/** Run a worker once on `data`: resolves with what it posted, or rejects with its error. */
export function runOnThread<T>(worker: URL, data: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const thread = new Worker(worker, { workerData: data });
    let answer: T | undefined;
    thread.once('message', (message: T) => (answer = message));
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code === 0) resolve(answer as T);
      else reject(new Error(`the thread of ${worker.pathname} stopped with code ${code}`));
    });
  });
}
