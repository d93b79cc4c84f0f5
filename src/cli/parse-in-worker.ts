import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import type { Model, ParseResult } from '../model/index.ts';

interface SerializedMessage {
  reason: string;
  line?: number | undefined;
  column?: number | undefined;
  ruleId?: string | undefined;
  source?: string | undefined;
  fatal?: boolean | null | undefined;
  cause?: { reason: string; line?: number | undefined; column?: number | undefined };
}

export interface SerializedParse {
  model: Model | undefined;
  messages: SerializedMessage[];
}

const placeOf = (line?: number, column?: number) =>
  line === undefined ? undefined : { line, column: column ?? 1 };

/**
 * Parse a model on another thread, so that a large model parses while Astro starts up on this
 * one (two cores, both busy). Gives the same result as `parseModel`: the model, and the file
 * with every message on it.
 */
export function parseInWorker(path: string, cwd: string, bytes: Uint8Array): Promise<ParseResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      workerData: { path, cwd, bytes },
    });
    worker.once('message', ({ model, messages }: SerializedParse) => {
      const file = new VFile({ path, cwd, value: bytes });
      for (const { reason, line, column, ruleId, source, fatal, cause } of messages) {
        const related =
          cause &&
          Object.assign(
            new VFileMessage(cause.reason, {
              place: placeOf(cause.line, cause.column),
              ruleId,
              source,
            }),
            { file: path },
          );
        const message = file.message(reason, {
          place: placeOf(line, column),
          ruleId,
          source,
          cause: related,
        });
        message.fatal = fatal;
      }
      resolve({ model, file });
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}
