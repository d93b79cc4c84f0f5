import { MessageChannel, Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { report } from '../model/diagnostics.ts';
import type { Model, ParseResult } from '../model/index.ts';
import { LIMITS } from '../model/limits.ts';

interface SerializedMessage {
  reason: string;
  line?: number | undefined;
  column?: number | undefined;
  ruleId?: string | undefined;
  source?: string | undefined;
  fatal?: boolean | null | undefined;
  cause?: { reason: string; line?: number | undefined; column?: number | undefined };
}

export interface ParseRequest {
  path: string;
  cwd: string;
  bytes: Uint8Array;
  /** The path relative to the content folder, published as the model's `source`. */
  source?: string | undefined;
}

export interface SerializedParse {
  model: Model | undefined;
  messages: SerializedMessage[];
}

/** Files from this size on are parsed in two parts side by side, on the parse thread and a helper. */
export const PARALLEL_MIN_BYTES = 256 * 1024;

const placeOf = (line?: number, column?: number) =>
  line === undefined ? undefined : { line, column: column ?? 1 };

/**
 * Parses models on another thread: so that a large model parses while Astro starts up on this
 * one (two cores, both busy), so that this thread still answers Ctrl+C, and so that no input,
 * however pathological, can hold the command longer than `LIMITS.parseSeconds` or take more
 * than `LIMITS.parseMemoryMb`: past either, the thread is stopped and the file gets an error
 * at the line the parser had reached. Files parse one after another on one thread; a large
 * one in two parts, the second on a helper thread under the same limits.
 */
export class ParseWorker {
  #worker: Worker | undefined;
  #helper: Worker | undefined;
  /** Where the parse thread and its helper are: the lines they last reached. */
  #progress = new Int32Array(new SharedArrayBuffer(8));
  #queue: Promise<unknown> = Promise.resolve();

  /** Same result as `parseModel`: the model, and a file carrying every message. */
  parse(request: ParseRequest): Promise<ParseResult> {
    const result = this.#queue.then(() => this.#parseNow(request));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Let the process end once the queue is done. */
  close(): void {
    void this.#queue.then(() => this.#stopThreads());
  }

  #start(script: string): Worker {
    const worker = new Worker(new URL(script, import.meta.url), {
      workerData: { progress: this.#progress },
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.parseMemoryMb },
    });
    worker.unref();
    return worker;
  }

  #stopThreads(): void {
    void this.#worker?.terminate();
    void this.#helper?.terminate();
    this.#worker = undefined;
    this.#helper = undefined;
  }

  #threadsFor(bytes: Uint8Array): Worker[] {
    const worker = (this.#worker ??= this.#start('./parse-worker.ts'));
    if (bytes.byteLength >= PARALLEL_MIN_BYTES && !this.#helper) {
      this.#helper = this.#start('./markdown-worker.ts');
      const { port1, port2 } = new MessageChannel();
      this.#helper.postMessage({ port: port2 }, [port2]);
      worker.postMessage({ helper: port1 }, [port1]);
    }
    return this.#helper ? [worker, this.#helper] : [worker];
  }

  #parseNow({ path, cwd, bytes, source }: ParseRequest): Promise<ParseResult> {
    Atomics.store(this.#progress, 0, 0);
    Atomics.store(this.#progress, 1, 0);
    const threads = this.#threadsFor(bytes);
    const worker = threads[0]!;
    return new Promise((resolve, reject) => {
      const stop = (why: string) => {
        const file = new VFile({ path, cwd, value: bytes });
        // The helper's line while it parses a part, else the parse thread's.
        const reached = Atomics.load(this.#progress, 1) || Atomics.load(this.#progress, 0);
        const where =
          reached > 0
            ? `stopped near line ${reached}`
            : 'stopped before its first paragraph was read';
        report(
          file,
          'input-limit',
          `Unexpected Markdown that ${why} to parse (${where}), expected simpler Markdown: look for unusual or repeated constructs${reached > 0 ? ' near this line' : ', such as thousands of unclosed links'}`,
          { line: Math.max(1, reached), column: 1 },
        );
        resolve({ model: undefined, file });
      };
      const timer = setTimeout(() => {
        cleanup();
        this.#stopThreads();
        stop(`takes over ${LIMITS.parseSeconds} s`);
      }, LIMITS.parseSeconds * 1000);
      const onMessage = (message: SerializedParse) => {
        cleanup();
        resolve({ model: message.model, file: toFile(path, cwd, bytes, message) });
      };
      const onError = (error: NodeJS.ErrnoException) => {
        cleanup();
        this.#stopThreads();
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          stop(`needs over ${LIMITS.parseMemoryMb} MB of memory`);
        } else reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        for (const thread of threads) thread.off('error', onError);
      };
      worker.on('message', onMessage);
      for (const thread of threads) thread.on('error', onError);
      worker.postMessage({ path, cwd, bytes, source });
    });
  }
}

function toFile(path: string, cwd: string, bytes: Uint8Array, parsed: SerializedParse): VFile {
  const file = new VFile({ path, cwd, value: bytes });
  for (const { reason, line, column, ruleId, source, fatal, cause } of parsed.messages) {
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
  return file;
}

/** One model parsed on a thread of its own, within the limits (see `ParseWorker`). */
export function parseInWorker(
  path: string,
  cwd: string,
  bytes: Uint8Array,
  source?: string,
): Promise<ParseResult> {
  const worker = new ParseWorker();
  const result = worker.parse({ path, cwd, bytes, source });
  worker.close();
  return result;
}
