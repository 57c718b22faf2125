import { runCli } from './run';
import { processIo } from './io';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  process.stderr.write(`Prospect Desk needs Node 22.12 or newer; this is ${process.version}.\n`);
  process.exit(1);
}

// A reader that stops early (`… | head`) closes the pipe: the rest of the output is not wanted,
// which is not a failure worth a stack trace. Work already committed stays committed; a command
// still writing its data has it rolled back by SQLite, as after any other stop.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
