import { Worker } from 'node:worker_threads';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { report } from '../model/diagnostics.ts';
import type { Model } from '../model/index.ts';
import type { ParseResult } from '../readers/index.ts';
import { LIMITS } from '../markdown/limits.ts';
import { siblingModule } from './project-root.ts';

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

/** A parse's safety nets; tests lower them to reach them with small inputs. */
const PARSE_SECONDS = Number(process.env.ONUS_TEST_PARSE_SECONDS) || LIMITS.parseSeconds;
const PARSE_MEMORY_MB = Number(process.env.ONUS_TEST_PARSE_MEMORY_MB) || LIMITS.parseMemoryMb;

interface ParseThread {
  worker: Worker;
  /** Where the parser is: the line it last reached in its file, written by the worker. */
  progress: Int32Array;
}

function startThread(): ParseThread {
  const progress = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(siblingModule('parse-worker', import.meta.url), {
    workerData: { progress },
    resourceLimits: { maxOldGenerationSizeMb: PARSE_MEMORY_MB },
  });
  worker.unref();
  return { worker, progress };
}

interface Pending {
  request: ParseRequest;
  resolve: (result: ParseResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Parses models on another thread: so that a large model parses while Astro starts up on this
 * one (two cores, both busy), so that this thread still answers Ctrl+C, and so that no input,
 * however pathological, can hold the command longer than `LIMITS.parseSeconds` or take more
 * than `LIMITS.parseMemoryMb`: past either, the thread is stopped and the file gets an error
 * at the line the parser had reached.
 *
 * Every file is handed to the thread as soon as it is asked for, and the thread parses them
 * one after another: it never waits for this thread, however busy, to pass it the next. The
 * first file not yet answered is the one being parsed, and the one the limits apply to; the
 * files after a stopped one go to a new thread.
 */
export class ParseWorker {
  #thread: ParseThread | undefined;
  /** Handed to the thread and not yet answered, oldest first. */
  #pending: Pending[] = [];
  /** What hears the thread while it has files: a thread heard keeps the process alive. */
  #heard:
    | {
        worker: Worker;
        message: (message: SerializedParse) => void;
        error: (error: NodeJS.ErrnoException) => void;
      }
    | undefined;
  #clock: NodeJS.Timeout | undefined;
  #closing = false;

  /** Same result as `parseModel`: the model, and a file carrying every message. */
  parse(request: ParseRequest): Promise<ParseResult> {
    return new Promise((resolve, reject) => {
      this.#pending.push({ request, resolve, reject });
      this.#post(request);
      if (this.#pending.length === 1) this.#startClock();
    });
  }

  /** Let the thread end once every file asked for is answered. */
  close(): void {
    this.#closing = true;
    if (this.#pending.length === 0) this.#endThread();
  }

  /** Drop the files not yet answered, which never will be, and end the thread. */
  abandon(): void {
    clearTimeout(this.#clock);
    this.#pending = [];
    this.#closing = true;
    this.#endThread();
  }

  #post({ path, cwd, bytes, source }: ParseRequest): void {
    const { worker } = (this.#thread ??= startThread());
    this.#hear(worker);
    worker.postMessage({ path, cwd, bytes, source });
  }

  #hear(worker: Worker): void {
    if (this.#heard?.worker === worker) return;
    const message = (answer: SerializedParse) => {
      const { request, resolve } = this.#pending.shift()!;
      this.#next();
      resolve({
        model: answer.model,
        file: toFile(request.path, request.cwd, request.bytes, answer),
      });
    };
    const error = (failure: NodeJS.ErrnoException) => {
      if (failure.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.#stop(`needs over ${PARSE_MEMORY_MB} MB of memory`);
        return;
      }
      const { reject } = this.#pending.shift()!;
      this.#restart();
      reject(failure);
    };
    worker.on('message', message);
    worker.on('error', error);
    this.#heard = { worker, message, error };
  }

  #stopHearing(): void {
    if (!this.#heard) return;
    const { worker, message, error } = this.#heard;
    worker.off('message', message);
    worker.off('error', error);
    this.#heard = undefined;
  }

  /** The file being parsed has its answer: time the next one, or let the thread rest or end. */
  #next(): void {
    clearTimeout(this.#clock);
    if (this.#pending.length > 0) this.#startClock();
    else if (this.#closing) this.#endThread();
    else this.#stopHearing();
  }

  #startClock(): void {
    this.#clock = setTimeout(() => this.#stop(RAN_AWAY), PARSE_SECONDS * 1000);
  }

  /** Stop the thread in the file it is parsing, which gets the error at the line reached. */
  #stop(why: string): void {
    const reached = Atomics.load(this.#thread!.progress, 0);
    const { request, resolve } = this.#pending.shift()!;
    this.#restart();
    resolve({ model: undefined, file: stoppedFile(request, why, reached) });
  }

  /** A new thread for the files the stopped one had not answered. */
  #restart(): void {
    this.#endThread();
    for (const { request } of this.#pending) this.#post(request);
    this.#next();
  }

  #endThread(): void {
    this.#stopHearing();
    void this.#thread?.worker.terminate();
    this.#thread = undefined;
  }
}

/** Why a parse was stopped by the safety net for time, which no real model reaches. */
const RAN_AWAY = 'time';

function stoppedFile({ path, cwd, bytes }: ParseRequest, why: string, reached: number): VFile {
  const file = new VFile({ path, cwd, value: bytes });
  const where =
    reached > 0 ? `stopped near line ${reached}` : 'stopped before its first paragraph was read';
  // The file is within every limit Onus counts: the time net caught a parse that ran away, which
  // is Onus's fault; memory is counted too, and a file can be made to need less.
  const reason =
    why === RAN_AWAY
      ? `Unexpected parse still running after ${PARSE_SECONDS} s (${where}), expected a few seconds at most: the file is within every limit Onus counts, so this is a fault of Onus — please report it with the file`
      : `Unexpected Markdown that ${why} to parse (${where}), expected less: split the file into several models, or shorten its longest notes`;
  report(file, 'input-limit', reason, { line: Math.max(1, reached), column: 1 });
  return file;
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
