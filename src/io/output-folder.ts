import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { exchangeFolders } from './exchange.ts';
import { removeOnInterrupt, withoutInterruption } from './interrupt.ts';
import {
  foreignEntries,
  foreignRefusal,
  MANIFEST,
  manifestOf,
  recheckOutput,
  type ClaimedOutput,
} from './output-guard.ts';
import { removeOutputFolder } from './remove-output.ts';

/** Temporary folders of a run, next to its output, named with the run's process id. */
const LEFTOVER = /^\.(?:.+\.onus-(?:new|old)|onus-work)-(\d+)-[0-9a-f]+$/;

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );

export interface AtomicWriteOptions {
  /** Says what could not be cleaned up after the output was replaced: it is not a failure. */
  warn?: (message: string) => void;
}

/**
 * Write a folder all at once: `write` fills a fresh folder next to the target, which replaces
 * the target only when `write` succeeded, with an atomic exchange where the system has one. On
 * failure or interruption the target is left as it was; at every instant, even under SIGKILL,
 * it holds the old output or the new one. The finished folder carries a manifest of what Onus
 * wrote (see `claimOutput`, which must have allowed the target first).
 *
 * The old output's whole tree is compared with its manifest once it is out of reach, just
 * after the exchange: a file written anywhere inside it while the site was built is found
 * there, and the exchange is undone. Nothing Onus did not write is removed.
 */
export async function writeFolderAtomically<T>(
  target: ClaimedOutput,
  write: (folder: string) => Promise<T>,
  options: AtomicWriteOptions = {},
): Promise<T> {
  const warn = options.warn ?? (() => undefined);
  const parent = path.dirname(target.path);
  const name = path.basename(target.path);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, name, target.path, warn);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = path.join(parent, `.${name}.onus-new-${suffix}`);
  const old = path.join(parent, `.${name}.onus-old-${suffix}`);
  const forget = removeOnInterrupt(fresh);
  let swapped = false;
  try {
    const result = await write(fresh);
    await writeFile(path.join(fresh, MANIFEST), manifestOf(fresh));
    await pauseBeforeSwapForTests();
    await withoutInterruption(async () => {
      if (!(await exists(target.path))) {
        await rename(fresh, target.path);
        swapped = true;
        return;
      }
      // The folder may have changed while the site was built: it must still be ours.
      await recheckOutput(target);
      if (exchangeFolders(fresh, target.path)) {
        await slowSwapForTests();
        // The old output now has the fresh folder's name, where nothing else writes.
        const foreign = foreignEntries(fresh);
        if (foreign.length > 0) {
          exchangeFolders(fresh, target.path);
          throw foreignRefusal(target.shown, foreign);
        }
      } else {
        await rename(target.path, old);
        await slowSwapForTests();
        const foreign = foreignEntries(old);
        if (foreign.length > 0) {
          await rename(old, target.path);
          throw foreignRefusal(target.shown, foreign);
        }
        await rename(fresh, target.path);
      }
      swapped = true;
    });
    return result;
  } finally {
    forget();
    // After an exchange, the fresh folder's name holds the old output.
    for (const folder of [fresh, old]) {
      const left = await removeOutputFolder(folder);
      if (left && swapped) {
        warn(
          `the previous output, set aside as \`${folder}\`, could not be removed whole (${left}): remove it yourself once you can`,
        );
      }
    }
  }
}

/**
 * What a killed run left next to the output: its fresh folder, its workspace, and, if it was
 * killed between the two renames of a swap without exchange, the old output put aside, which
 * goes back in place. Folders of runs still alive are left alone.
 */
async function removeLeftovers(
  parent: string,
  name: string,
  target: string,
  warn: (message: string) => void,
): Promise<void> {
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const entry of entries.sort().reverse()) {
    const match = LEFTOVER.exec(entry);
    if (!match || isAlive(Number(match[1]))) continue;
    const ownOutput = entry.startsWith(`.${name}.onus-`);
    if (!entry.startsWith('.onus-work-') && !ownOutput) continue;
    const full = path.join(parent, entry);
    if (ownOutput && entry.includes('.onus-old-') && !(await exists(target))) {
      await rename(full, target);
      continue;
    }
    // A whole output set aside (it has its manifest) is removed only while it holds nothing else.
    if ((await exists(path.join(full, MANIFEST))) && foreignEntries(full).length > 0) {
      warn(`kept \`${full}\`, left by an earlier run: it holds files Onus did not write`);
      continue;
    }
    const left = await removeOutputFolder(full);
    if (left) warn(`\`${full}\`, left by an earlier run, could not be removed whole (${left})`);
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Tests pause a run (`ONUS_TEST_SLOW_SWAP_MS`) right after the first step of its swap, to kill it
 * there: after the exchange, or between the two renames where there is none.
 */
function slowSwapForTests(): Promise<void> {
  return pauseForTests(process.env.ONUS_TEST_SLOW_SWAP_MS, 'swapping the output folder');
}

/**
 * Tests pause a run (`ONUS_TEST_PAUSE_BEFORE_SWAP_MS`) once its output is ready, before the old
 * one is checked and swapped, to write into the old one at the last moment.
 */
function pauseBeforeSwapForTests(): Promise<void> {
  return pauseForTests(process.env.ONUS_TEST_PAUSE_BEFORE_SWAP_MS, 'ready to swap');
}

async function pauseForTests(milliseconds: string | undefined, what: string): Promise<void> {
  const delay = Number(milliseconds);
  if (!(delay > 0)) return;
  process.stderr.write(`onus: ${what}\n`);
  await sleep(delay);
}
