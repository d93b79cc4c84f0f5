import { createRequire } from 'node:module';

/**
 * Swap two folders in one step: `renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)`
 * on macOS, called through koffi (Node has no API for it). With two plain renames a process
 * killed between them leaves the output missing; an exchange leaves the old folder or the new
 * one at every instant. Returns false where the system or the file system cannot exchange, so
 * the caller falls back to two renames and a recovery on the next run.
 */
type Exchange = (a: string, b: string) => number;

let exchange: Exchange | null | undefined;

function loadExchange(): Exchange | null {
  if (exchange !== undefined) return exchange;
  exchange = null;
  if (process.env.ONUS_NO_EXCHANGE) return exchange;
  try {
    const koffi = createRequire(import.meta.url)('koffi') as typeof import('koffi');
    const libc = koffi.load(process.platform === 'darwin' ? '/usr/lib/libSystem.B.dylib' : null);
    if (process.platform === 'linux') {
      const AT_FDCWD = -100;
      const RENAME_EXCHANGE = 2;
      const renameat2 = libc.func('int renameat2(int, const char *, int, const char *, uint)');
      exchange = (a, b) => renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) as number;
    } else if (process.platform === 'darwin') {
      const RENAME_SWAP = 2;
      const renamex = libc.func('int renamex_np(const char *, const char *, uint)');
      exchange = (a, b) => renamex(a, b, RENAME_SWAP) as number;
    }
    if (exchange) {
      const call = exchange;
      exchange = (a, b) => (call(a, b) === 0 ? 0 : koffi.errno());
    }
  } catch {
    exchange = null;
  }
  return exchange;
}

/** errno values that mean "this system or file system cannot exchange": fall back. */
const UNSUPPORTED = new Set([
  22 /* EINVAL */, 38 /* ENOSYS (Linux) */, 45 /* ENOTSUP (macOS) */, 95 /* EOPNOTSUPP (Linux) */,
  78 /* ENOSYS (macOS) */,
]);

/**
 * Exchange the folders at two absolute paths (both must exist). True when done; false when the
 * exchange is not available here. Throws on any other failure (permissions, another device).
 */
export function exchangeFolders(a: string, b: string): boolean {
  const call = loadExchange();
  if (!call) return false;
  const errno = call(a, b);
  if (errno === 0) return true;
  if (UNSUPPORTED.has(errno)) return false;
  const error = new Error(
    `could not swap \`${b}\` for the new output (errno ${errno})`,
  ) as NodeJS.ErrnoException;
  error.errno = errno;
  throw error;
}
