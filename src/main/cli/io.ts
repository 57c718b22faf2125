/** How a command talks to the terminal; tests capture it instead of the real streams. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Progress on one rewritten line, only when stderr is a terminal. */
  progress(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${line}`);
  },
};

/** A usage mistake: printed with the help text, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
