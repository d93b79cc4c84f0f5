import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseModel } from '../model/index.ts';
import type { SerializedParse } from './parse-in-worker.ts';

const { path, cwd, bytes } = workerData as { path: string; cwd: string; bytes: Uint8Array };
const { model, file } = parseModel(new VFile({ path, cwd, value: bytes }));
const result: SerializedParse = {
  model,
  messages: file.messages.map((message) => {
    const cause = message.cause as { reason?: string; line?: number; column?: number } | undefined;
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
