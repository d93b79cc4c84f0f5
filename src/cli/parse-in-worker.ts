import { Worker } from 'node:worker_threads';
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

const placeOf = (line?: number, column?: number) =>
  line === undefined ? undefined : { line, column: column ?? 1 };

/**
 * Parses models on another thread: so that a large model parses while Astro starts up on this
 * one (two cores, both busy), so that this thread still answers Ctrl+C, and so that no input,
 * however pathological, can hold the command longer than `LIMITS.parseSeconds` or take more
 * than `LIMITS.parseMemoryMb`: past either, the thread is stopped and the file gets an error
 * at the line the parser had reached. Files parse one after another on one thread.
 */
/** A parse's limits; tests lower them to reach them with small inputs. */
const PARSE_SECONDS = Number(process.env.ONUS_TEST_PARSE_SECONDS) || LIMITS.parseSeconds;
const PARSE_MEMORY_MB = Number(process.env.ONUS_TEST_PARSE_MEMORY_MB) || LIMITS.parseMemoryMb;

interface ParseThread {
  worker: Worker;
  /** Where the parser is: the line it last reached, written by the worker. */
  progress: Int32Array;
}

function startThread(): ParseThread {
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
    workerData: { progress },
    resourceLimits: { maxOldGenerationSizeMb: PARSE_MEMORY_MB },
  });
  worker.unref();
  return { worker, progress };
}

let early: ParseThread | undefined;

/**
 * Start the parse thread for the command about to run, before its own modules load: the
 * thread loads the parser's meanwhile (0.2 s) instead of after. The first parse takes it.
 */
export function startParseThreadEarly(): void {
  early ??= startThread();
}

function takeThread(): ParseThread {
  const thread = early ?? startThread();
  early = undefined;
  return thread;
}

export class ParseWorker {
  #thread: ParseThread | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  /** Same result as `parseModel`: the model, and a file carrying every message. */
  parse(request: ParseRequest): Promise<ParseResult> {
    const result = this.#queue.then(() => this.#parseNow(request));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  /** Let the process end once the queue is done. */
  close(): void {
    void this.#queue.then(() => this.#thread?.worker.terminate());
  }

  #parseNow({ path, cwd, bytes, source }: ParseRequest): Promise<ParseResult> {
    const { worker, progress } = (this.#thread ??= takeThread());
    Atomics.store(progress, 0, 0);
    return new Promise((resolve, reject) => {
      const stop = (why: string) => {
        const file = new VFile({ path, cwd, value: bytes });
        const reached = Atomics.load(progress, 0);
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
        this.#thread = undefined;
        void worker.terminate();
        stop(`takes over ${PARSE_SECONDS} s`);
      }, PARSE_SECONDS * 1000);
      const onMessage = (message: SerializedParse) => {
        cleanup();
        resolve({ model: message.model, file: toFile(path, cwd, bytes, message) });
      };
      const onError = (error: NodeJS.ErrnoException) => {
        cleanup();
        this.#thread = undefined;
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          stop(`needs over ${PARSE_MEMORY_MB} MB of memory`);
        } else reject(error);
      };
      const cleanup = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
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
