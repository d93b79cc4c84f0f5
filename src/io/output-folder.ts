import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { exchangeFolders } from './exchange.ts';
import { removeOnInterrupt, withoutInterruption } from './interrupt.ts';
import {
  foreignRefusal,
  MANIFEST,
  manifestOf,
  recheckOutput,
  type ClaimedOutput,
} from './output-guard.ts';
import { removeOutputFolder } from './remove-output.ts';
import { foreignEntriesOnThread } from './threads.ts';

/** Temporary folders of a run, next to its output, named with the run's process id. */
const LEFTOVER = /^\.(?:.+\.onus-(?:new|old)|onus-work)-(\d+)-[0-9a-f]+$/;

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );

/**
 * Write a folder all at once: `write` fills a fresh folder next to the target, which replaces
 * the target only when `write` succeeded, with an atomic exchange where the system has one. On
 * failure or interruption the target is left as it was; at every instant, even under SIGKILL,
 * it holds the old output or the new one. The finished folder carries a manifest of what Onus
 * wrote (see `claimOutput`, which must have allowed the target first).
 */
export async function writeFolderAtomically<T>(
  target: ClaimedOutput,
  write: (folder: string) => Promise<T>,
  /** What the old output's check waits for: work it would share the two cores with (the parse). */
  checkAfter: Promise<unknown> = Promise.resolve(),
): Promise<T> {
  const parent = path.dirname(target.path);
  const name = path.basename(target.path);
  await mkdir(parent, { recursive: true });
  await removeLeftovers(parent, name, target.path);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = path.join(parent, `.${name}.onus-new-${suffix}`);
  const old = path.join(parent, `.${name}.onus-old-${suffix}`);
  // The old output's whole tree is checked on a thread of its own while the new one is made.
  const foreign = target.exists
    ? checkAfter.catch(() => undefined).then(() => foreignEntriesOnThread(target.path))
    : Promise.resolve([]);
  foreign.catch(() => undefined);
  const forget = removeOnInterrupt(fresh);
  try {
    const result = await write(fresh);
    await writeFile(path.join(fresh, MANIFEST), manifestOf(fresh));
    const found = await foreign;
    if (found.length > 0) throw foreignRefusal(target.shown, found);
    await withoutInterruption(async () => {
      if (!(await exists(target.path))) {
        await rename(fresh, target.path);
        return;
      }
      // The folder may have changed while the site was built: it must still be ours.
      await recheckOutput(target);
      if (exchangeFolders(fresh, target.path)) return await slowSwapForTests();
      await rename(target.path, old);
      await slowSwapForTests();
      await rename(fresh, target.path);
    });
    return result;
  } finally {
    forget();
    // After an exchange, the fresh folder's name holds the old output.
    await removeOutputFolder(fresh);
    await removeOutputFolder(old);
  }
}

/**
 * What a killed run left next to the output: its fresh folder, its workspace, and, if it was
 * killed between the two renames of a swap without exchange, the old output put aside, which
 * goes back in place. Folders of runs still alive are left alone.
 */
async function removeLeftovers(parent: string, name: string, target: string): Promise<void> {
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
    await rm(full, { recursive: true, force: true, maxRetries: 5 });
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
async function slowSwapForTests(): Promise<void> {
  const delay = Number(process.env.ONUS_TEST_SLOW_SWAP_MS);
  if (!(delay > 0)) return;
  process.stderr.write('onus: swapping the output folder\n');
  await sleep(delay);
}
