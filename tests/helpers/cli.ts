import { runCli } from '../../src/main/cli/run';
import type { CliIo } from '../../src/main/cli/io';

/** Runs a CLI command in-process and captures what it printed. */
export async function cli(
  ...argv: string[]
): Promise<{ code: number; out: string[]; err: string[]; json(): unknown }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), progress: () => undefined };
  const code = await runCli(argv, io);
  return { code, out, err, json: () => JSON.parse(out.at(-1) ?? 'null') as unknown };
}
