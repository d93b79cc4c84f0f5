import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseModel } from '../model/index.ts';
import { PROGRESS } from '../model/progress.ts';
import type { ParseRequest, SerializedParse } from './parse-in-worker.ts';

const { progress } = workerData as { progress: Int32Array };
(globalThis as Record<symbol, unknown>)[PROGRESS] = progress;

// Files arrive all at once and parse in turn: each starts its progress from nothing.
parentPort?.on('message', ({ path, cwd, bytes, source }: ParseRequest) => {
  Atomics.store(progress, 0, 0);
  const input = new VFile({ path, cwd, value: bytes });
  if (source !== undefined) input.data.source = source;
  const { model, file } = parseModel(input);
  const result: SerializedParse = {
    model,
    messages: file.messages.map((message) => {
      const cause = message.cause as
        { reason?: string; line?: number; column?: number } | undefined;
      return {
        reason: message.reason,
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        source: message.source,
        fatal: message.fatal,
        ...(cause?.reason !== undefined && {
          cause: { reason: cause.reason, line: cause.line, column: cause.column },
        }),
      };
    }),
  };
  parentPort?.postMessage(result);
});
