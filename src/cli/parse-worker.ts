import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { parseMarkdown } from '../model/markdown.ts';
import { parseModel, readText, type ParseResult } from '../model/parse.ts';
import { parseParts, splitText } from '../model/parts.ts';
import { PROGRESS, type ProgressCell } from '../model/progress.ts';
import type { PartRequest, PartResponse } from './markdown-worker.ts';
import { PARALLEL_MIN_BYTES, type ParseRequest, type SerializedParse } from './parse-in-worker.ts';

const { progress } = workerData as { progress: Int32Array };
const cell: ProgressCell = { cells: progress, slot: 0, lineOffset: 0 };
(globalThis as Record<symbol, unknown>)[PROGRESS] = cell;

let helper: MessagePort | undefined;
let nextId = 0;
const pending = new Map<number, (response: PartResponse) => void>();

function parseOnHelper(port: MessagePort, text: string, lineOffset: number): Promise<Root> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, (response) => {
      if ('tree' in response) resolve(response.tree);
      else reject(new Error(response.failed));
    });
    port.postMessage({ id, text, lineOffset } satisfies PartRequest);
  });
}

/** The first part here, the second on the helper, side by side. */
async function parseInParts(port: MessagePort, text: string): Promise<Root> {
  const parts = splitText(text, 2);
  if (parts.length < 2) return parseMarkdown(text);
  const tree = await parseParts(parts, async (texts) => {
    const [first, ...rest] = texts;
    const others = rest.map((part, index) => parseOnHelper(port, part, parts[index + 1]!.line - 1));
    cell.lineOffset = 0;
    return [parseMarkdown(first!), ...(await Promise.all(others))];
  });
  return tree ?? parseMarkdown(text);
}

async function parse({ path, cwd, bytes, source }: ParseRequest): Promise<ParseResult> {
  const input = new VFile({ path, cwd, value: bytes });
  if (source !== undefined) input.data.source = source;
  if (!helper || bytes.byteLength < PARALLEL_MIN_BYTES) return parseModel(input);
  const text = readText(new VFile({ path, cwd, value: bytes }));
  if (text === undefined) return parseModel(input);
  // Whatever goes wrong in parts, the whole file is parsed again here and reported.
  const tree = await parseInParts(helper, text).catch(() => undefined);
  return parseModel(input, tree && { text, tree });
}

function serialize({ model, file }: ParseResult): SerializedParse {
  return {
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
}

parentPort?.on('message', (message: ParseRequest | { helper: MessagePort }) => {
  if ('helper' in message) {
    helper = message.helper;
    helper.on('message', (response: PartResponse) => {
      pending.get(response.id)?.(response);
      pending.delete(response.id);
    });
    return;
  }
  void parse(message).then((result) => parentPort?.postMessage(serialize(result)));
});
