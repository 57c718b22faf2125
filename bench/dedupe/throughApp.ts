/**
 * Dedupe quality through the app, as a seller would get it: `npm run build && npm run bench --
 * bench/dedupe/throughApp.ts`. The built CLI imports the unlabelled Chicago file, runs `dedupe`
 * with the default thresholds, and prints `clusters --json`; the clusters are scored pairwise
 * against the labels (True Id). The in-memory engine's figure is printed beside it (same run).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chicagoLabelsByRow, scoreClusters, type AppQuality } from './throughAppScore';
import { measureChicago } from './measure';
import { WORK } from '../lib/measure';

const ROOT = path.resolve(WORK, '..', '..');
const CLI = path.join(ROOT, 'out/main/cli.js');
const CHICAGO = path.join(ROOT, 'tests/fixtures/real/dedupe_csv_example/csv_example_messy_input.csv');

function cli(db: string, ...args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, '--db', db, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim().split('\n').at(-1)!;
}

export function chicagoThroughApp(): AppQuality {
  fs.mkdirSync(WORK, { recursive: true });
  const db = path.join(WORK, 'chicago-app.db');
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
  const started = performance.now();
  const imported = JSON.parse(cli(db, 'import', CHICAGO, '--json')) as {
    inserted: number;
    updated: number;
    unchanged: number;
  };
  const deduped = JSON.parse(cli(db, 'dedupe', '--json')) as {
    pairsCompared: number;
    merged: number;
    sentToReview: number;
  };
  const clusters = JSON.parse(cli(db, 'clusters', '--json')) as {
    entity_id: number;
    kind: string;
    rows: { batch: number; row: number }[];
  }[];
  const seconds = (performance.now() - started) / 1000;
  const review = JSON.parse(
    spawnSync(
      'sqlite3',
      ['-json', db, `SELECT left_id, right_id FROM match_candidates WHERE status = 'pending'`],
      { encoding: 'utf8' },
    ).stdout || '[]',
  ) as { left_id: number; right_id: number }[];
  return { ...scoreClusters(clusters, chicagoLabelsByRow(), review), imported, deduped, seconds };
}

if (process.argv[1]?.endsWith('throughApp.mjs')) {
  const app = chicagoThroughApp();
  const engine = measureChicago();
  const f = (x: number) => x.toFixed(3);
  console.log(
    '\n| Chicago providers, 3,337 rows | precision | recall | F1 | pairs merged | review pairs (true) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(
    `| through the app: CLI import + dedupe + clusters | ${f(app.scores.precision)} | ${f(app.scores.recall)} | ${f(app.scores.f1)} | ${app.scores.predictedPairs} | ${app.reviewPairs} (${app.reviewTrue}) |`,
  );
  console.log(
    `| engine alone, in memory (same run) | ${f(engine.scores.precision)} | ${f(engine.scores.recall)} | ${f(engine.scores.f1)} | ${engine.scores.predictedPairs} | ${engine.reviewPairs} (${engine.reviewTrue}) |`,
  );
  console.log(
    `\nImport: ${JSON.stringify(app.imported)}; dedupe: ${JSON.stringify(app.deduped)}; ${(app.seconds ?? 0).toFixed(2)} s end to end. Goal: precision and recall ≥ 0.95.`,
  );
}
