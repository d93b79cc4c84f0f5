import { readFileSync, rmSync } from 'node:fs';

/**
 * Ctrl+C (SIGINT) and SIGTERM end a command at once, but first remove what it was writing,
 * so an interrupted build leaves neither half-written output nor temporary folders behind.
 * While a swap of folders is under way, the signal waits for it to finish.
 */
const temporaryFolders = new Set<string>();
let swapping = 0;
let pending: NodeJS.Signals | undefined;

const EXIT_CODES: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };

export function installInterruptHandlers(): void {
  process.on('exit', removeTemporaryFolders);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => interrupt(signal));
  watchLauncher();
}

function interrupt(signal: NodeJS.Signals): void {
  if (swapping > 0) {
    pending = signal;
    return;
  }
  stop(signal);
}

/**
 * `npx onus …` runs Onus under npm and a shell; a signal sent to npm (by `timeout`, a CI
 * runner or a process manager) ends npm but reaches neither of them, and Onus would go on
 * alone. So when npm started it, Onus watches npm and stops as on SIGTERM once npm is gone.
 * Linux only (it reads /proc); elsewhere nothing is watched.
 */
function watchLauncher(): void {
  const launcher = findLauncher();
  if (launcher === undefined) return;
  setInterval(() => {
    if (!isRunning(launcher)) interrupt('SIGTERM');
  }, 100).unref();
}

/** The npm process among the nearest ancestors, if Onus runs under `npx` or `npm run`. */
function findLauncher(): number | undefined {
  let pid = process.ppid;
  for (let depth = 0; depth < 3 && pid > 1; depth++) {
    let status: string;
    let commandLine: string;
    try {
      status = readFileSync(`/proc/${pid}/status`, 'utf8');
      commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return undefined;
    }
    if (
      /(^|\/|\0)(npm|npx)(-cli\.js)?\0/.test(`\0${commandLine}`) ||
      commandLine.startsWith('npm ')
    ) {
      return pid;
    }
    pid = Number(/^PPid:\s*(\d+)/m.exec(status)?.[1] ?? 0);
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** How long an interrupted command lets writes already on the system's threads land. */
const SETTLE_MS = 50;

function removeTemporaryFolders(): void {
  for (const folder of temporaryFolders) removeFolder(folder);
  temporaryFolders.clear();
}

/**
 * Writes already handed to the system's threads (an interrupted build's) can still land in a
 * folder while it is removed, after Node's own retries, which only try its top again: each
 * pass removes what the one before missed. A signal must end in its message, never a trace.
 */
function removeFolder(folder: string): void {
  for (let pass = 1; ; pass++) {
    try {
      rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
      return;
    } catch (error) {
      if (pass < 10) continue;
      process.stderr.write(
        `onus: could not remove the temporary folder ${folder}: ${(error as Error).message}\n`,
      );
      return;
    }
  }
}

function stop(signal: NodeJS.Signals): never {
  const folders = [...temporaryFolders];
  removeTemporaryFolders();
  // Writes the system's threads had already taken (a directory made for a page) can land after
  // the removal and make the folder again. This thread, blocked, can hand them no more: let those
  // few land, then remove what they made.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, SETTLE_MS);
  for (const folder of folders) removeFolder(folder);
  process.stderr.write(`\nonus: stopped by ${signal}; the output folder is as it was.\n`);
  process.exit(EXIT_CODES[signal] ?? 1);
}

/** A folder to remove if the command is interrupted; returns the function that forgets it. */
export function removeOnInterrupt(folder: string): () => void {
  temporaryFolders.add(folder);
  return () => temporaryFolders.delete(folder);
}

/**
 * A folder to remove when the process ends (or is interrupted), not before: a library may
 * still write into it on a timer after its work returned.
 */
export function removeAtExit(folder: string): void {
  temporaryFolders.add(folder);
}

/** Run a step that must not be cut in half (swapping folders); a signal waits for its end. */
export async function withoutInterruption<T>(step: () => Promise<T>): Promise<T> {
  swapping++;
  try {
    return await step();
  } finally {
    swapping--;
    if (swapping === 0 && pending) stop(pending);
  }
}
