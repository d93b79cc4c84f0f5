import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** What lies under a folder, relative, with `/` separators. */
export interface FolderListing {
  files: string[];
  /** With a trailing `/`. */
  folders: string[];
  /**
   * Entries that are neither a plain file nor a folder on the folder's own file system, each
   * with what it is: a symbolic link (never followed), a mount point (never entered), a FIFO,
   * a socket, a device. Onus writes none of them.
   */
  others: string[];
}

/**
 * Every entry under `folder`, walked folder by folder without following a symbolic link or
 * entering another file system: Node's recursive listing follows links to folders, so two
 * links to `..` loop forever, and a link to `/elsewhere` would list — and have removed — what
 * lies there.
 */
export function listFolder(folder: string): FolderListing {
  const listing: FolderListing = { files: [], folders: [], others: [] };
  const device = lstatSync(folder).dev;
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop()!;
    const absolute = relative === '' ? folder : path.join(folder, relative);
    for (const entry of readdirSync(absolute, { withFileTypes: true })) {
      const inside = `${relative}${entry.name}`;
      if (entry.isFile()) listing.files.push(inside);
      else if (!entry.isDirectory()) listing.others.push(`${inside} (${kindOf(entry)})`);
      else if (lstatSync(path.join(absolute, entry.name)).dev !== device) {
        listing.others.push(`${inside}/ (a mount point)`);
      } else {
        listing.folders.push(`${inside}/`);
        pending.push(`${inside}/`);
      }
    }
  }
  listing.files.sort();
  listing.folders.sort();
  listing.others.sort();
  return listing;
}

function kindOf(entry: { isSymbolicLink(): boolean; isFIFO(): boolean; isSocket(): boolean }) {
  if (entry.isSymbolicLink()) return 'a symbolic link';
  if (entry.isFIFO()) return 'a FIFO';
  if (entry.isSocket()) return 'a socket';
  return 'a device';
}
