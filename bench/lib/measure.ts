import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface Measured {
  seconds: number;
  /** Peak resident memory of the process, in MB; null where GNU time is not installed. */
  peakMb: number | null;
  stdout: string;
}

const GNU_TIME = '/usr/bin/time';

/** Runs a command to its end and measures its wall time and (with GNU time) its peak memory. */
export function measureCommand(
  command: string,
  args: string[],
  options: { cwd?: string; input?: string } = {},
): Measured {
  const useTime = fs.existsSync(GNU_TIME);
  const report = path.join(os.tmpdir(), `pd-bench-time-${process.pid}-${Date.now()}`);
  const started = performance.now();
  const run = useTime
    ? spawnSync(GNU_TIME, ['-o', report, '-f', '%M', command, ...args], {
        cwd: options.cwd,
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      })
    : spawnSync(command, args, {
        cwd: options.cwd,
        input: options.input,
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  let peakMb: number | null = null;
  if (useTime) {
    peakMb = Number(fs.readFileSync(report, 'utf8').trim().split('\n').at(-1)) / 1024;
    fs.rmSync(report, { force: true });
  }
  return { seconds, peakMb, stdout: run.stdout };
}

export const fmt = (n: number, digits = 2) => n.toFixed(digits);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? NaN;
}

/**
 * Where benchmarks keep their generated inputs between runs (bench/.work, git-ignored). The bench
 * runner says where the project is; a bundled benchmark cannot tell from its own location.
 */
export const WORK = path.join(process.env.PD_ROOT ?? process.cwd(), 'bench', '.work');
