/** Where a command writes; tests pass their own. */
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a colour terminal. */
  color: boolean;
  cwd: string;
}

export const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  color: process.stderr.isTTY === true && !('NO_COLOR' in process.env),
  cwd: process.cwd(),
};

/** A problem with how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}
