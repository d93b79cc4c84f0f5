import { execFile } from 'node:child_process';
import { LIMITS } from '../markdown/limits.ts';

/** Git in the working folder: its output, or the first line it said about what went wrong. */
export function git(args: string[], cwd: string): Promise<{ output: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd, encoding: 'buffer', maxBuffer: LIMITS.fileBytes, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) return resolve({ output: stdout });
        const code = (error as NodeJS.ErrnoException).code;
        const said = stderr.toString().trim().split('\n')[0];
        resolve({
          error:
            code === 'ENOENT'
              ? 'git is not installed here'
              : code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
                ? `the file is larger than ${LIMITS.fileBytes / 1024 / 1024} MB, the most a model file may be`
                : said || error.message,
        });
      },
    );
  });
}

/**
 * A file as a revision has it (`path` from the working folder): its bytes, or `missing` when
 * the revision has no file there (none, or a folder), or what git said went wrong.
 */
export async function fileAtRevision(
  revision: string,
  relative: string,
  cwd: string,
): Promise<
  { bytes: Buffer } | { missing: 'folder' } | { missing: 'none'; said: string } | { error: string }
> {
  const object = `${revision}:./${relative}`;
  const type = await git(['cat-file', '-t', object], cwd);
  if ('error' in type) {
    const none = /does not exist|exists on disk, but not in/.test(type.error);
    return none ? { missing: 'none', said: type.error } : type;
  }
  if (type.output.toString().trim() !== 'blob') return { missing: 'folder' };
  const shown = await git(['show', object], cwd);
  return 'error' in shown ? shown : { bytes: shown.output };
}
