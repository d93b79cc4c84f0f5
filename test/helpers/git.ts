import { execFileSync } from 'node:child_process';

/** Git in a test's own repository, with an author of its own (none is configured on CI). */
export const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Onus', '-c', 'user.email=onus@example.com', ...args], {
    cwd,
    stdio: 'pipe',
  });
