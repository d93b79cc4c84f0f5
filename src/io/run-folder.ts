import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { removeAtExit } from './interrupt.ts';

/**
 * A folder for one run's own files, removed when the process ends, whatever happens. Named
 * with the process id, so that a later run can tell a killed run's folder, and remove it.
 */
export async function makeRunFolder(parent: string, prefix: string): Promise<string> {
  const folder = path.join(parent, `${prefix}-${process.pid}-${randomBytes(4).toString('hex')}`);
  await mkdir(folder, { recursive: true });
  removeAtExit(folder);
  return folder;
}
