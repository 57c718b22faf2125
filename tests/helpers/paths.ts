import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const OUT = path.join(ROOT, 'out');
export const CORE_WORKER = path.join(OUT, 'main/coreWorker.js');
export const JOB_WORKER = path.join(OUT, 'main/jobWorker.js');
export const CLI = path.join(OUT, 'main/cli.js');
export const COUNT_JOB = path.join(ROOT, 'tests/fixtures/jobs/countJob.mjs');
/** Real, externally made files (see its SOURCES.md), copied byte for byte so CI has them. */
export const REAL_FIXTURES = path.join(ROOT, 'tests/fixtures/real');

/** A fresh folder per test; removed by the returned function. */
export function tempDir(prefix = 'pd-test-'): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A keychain service name no seller uses, so tests never touch real keys. */
export const testKeychainService = () =>
  `Prospect Desk test ${process.pid}-${Math.random().toString(36).slice(2)}`;
