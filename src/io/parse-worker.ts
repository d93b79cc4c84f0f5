import { parentPort, workerData } from 'node:worker_threads';
import { VFile } from 'vfile';
import { parseModel } from '../readers/index.ts';
import { PROGRESS } from '../markdown/progress.ts';
import type { ParseRequest, SerializedParse } from './parse-in-worker.ts';

const { progress } = workerData as { progress: Int32Array };
(globalThis as Record<symbol, unknown>)[PROGRESS] = progress;

// Files arrive all at once and parse in turn: each starts its progress from nothing.
/**
 * Tests reach the safety nets with a file that runs away whatever the machine: one holding this
 * text never ends parsing; followed by `-memory`, it takes memory without end.
 */
const RUNAWAY = process.env.ONUS_TEST_PARSE_RUNAWAY;

parentPort?.on('message', ({ path, cwd, bytes, source }: ParseRequest) => {
  Atomics.store(progress, 0, 0);
  if (RUNAWAY && Buffer.from(bytes).includes(RUNAWAY)) {
    Atomics.store(progress, 0, 1);
    const held: number[][] = [];
    const memory = Buffer.from(bytes).includes(`${RUNAWAY}-memory`);
    for (;;) {
      if (memory) held.push(new Array(100_000).fill(held.length));
      else Atomics.wait(progress, 0, 1, 1000);
    }
  }
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
