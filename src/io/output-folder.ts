import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { removeOnInterrupt, withoutInterruption } from './interrupt.ts';

const exists = (target: string) =>
  stat(target).then(
    () => true,
    () => false,
  );

/**
 * Write a folder all at once: `write` fills a fresh folder next to the target, which replaces
 * the target only when `write` succeeded. On failure or interruption the target is left as it
 * was (the two renames of the swap are not interrupted).
 */
export async function writeFolderAtomically<T>(
  target: string,
  write: (folder: string) => Promise<T>,
): Promise<T> {
  const parent = path.dirname(path.resolve(target));
  const name = path.basename(target);
  const suffix = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = path.join(parent, `.${name}.onus-new-${suffix}`);
  const old = path.join(parent, `.${name}.onus-old-${suffix}`);
  await mkdir(parent, { recursive: true });
  const forget = removeOnInterrupt(fresh);
  try {
    const result = await write(fresh);
    await withoutInterruption(async () => {
      const existed = await exists(target);
      if (existed) await rename(target, old);
      await rename(fresh, target);
      if (existed) await rm(old, { recursive: true, force: true });
    });
    return result;
  } finally {
    forget();
    await rm(fresh, { recursive: true, force: true });
  }
}
