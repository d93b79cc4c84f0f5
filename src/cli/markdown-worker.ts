import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { parseMarkdown } from '../model/markdown.ts';
import { PROGRESS, type ProgressCell } from '../model/progress.ts';

/** A helper of the parse thread: parses the parts of a large file it is sent. */
export interface PartRequest {
  id: number;
  text: string;
  /** Lines before this part in the file, for progress reports. */
  lineOffset: number;
}

export type PartResponse =
  { id: number; tree: import('mdast').Root } | { id: number; failed: string };

const { progress } = workerData as { progress: Int32Array };
const cell: ProgressCell = { cells: progress, slot: 1, lineOffset: 0 };
(globalThis as Record<symbol, unknown>)[PROGRESS] = cell;

parentPort?.once('message', ({ port }: { port: MessagePort }) => {
  port.on('message', ({ id, text, lineOffset }: PartRequest) => {
    cell.lineOffset = lineOffset;
    let response: PartResponse;
    try {
      response = { id, tree: parseMarkdown(text) };
    } catch (error) {
      // The parse thread parses the whole file again and reports what it finds.
      response = { id, failed: String(error) };
    }
    Atomics.store(progress, 1, 0);
    port.postMessage(response);
  });
});
