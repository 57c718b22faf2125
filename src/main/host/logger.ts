import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Appends lines to `<dataDir>/logs/<name>.log` through a stream (never a synchronous write on the
 * host's thread). Callers log what happened, never call inputs: an input may hold an API key.
 */
export function createFileLogger(dataDir: string, name: string): Logger & { close(): Promise<void> } {
  const dir = path.join(dataDir, 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const stream = fs.createWriteStream(path.join(dir, `${name}.log`), { flags: 'a' });
  const write = (level: string, message: string) =>
    stream.write(`${new Date().toISOString()} ${level} ${message.replace(/\s+/g, ' ')}\n`);
  return {
    info: (m) => write('INFO', m),
    warn: (m) => write('WARN', m),
    error: (m) => write('ERROR', m),
    close: () => new Promise((resolve) => stream.end(resolve)),
  };
}
