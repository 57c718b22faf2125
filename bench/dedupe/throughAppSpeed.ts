/**
 * Matching at import, through the app: `npm run build && npm run bench -- bench/dedupe/throughAppSpeed.ts`.
 *
 * 250,000 generated companies are imported into a database; then 25k, 50k and 100k new ones
 * (10% planted near-duplicates of existing ones: typos, suffix changes, reformatted phones) are
 * imported into a copy of it by the CLI, once with matching against the 250,000 (the app's
 * default) and once with `--no-match` (the same-run baseline). The difference is what matching
 * costs; peak RSS is the whole CLI process's.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { CompanyRecord } from '../../src/main/core/dedupe/records';
import { generateCompanies } from './generate';
import { fmt, measureCommand, WORK } from '../lib/measure';

const ROOT = path.resolve(WORK, '..', '..');
const CLI = path.join(ROOT, 'out/main/cli.js');
const EXISTING = 250_000;
const SIZES = process.argv.slice(2).map(Number).filter(Boolean);

const cell = (v: string | undefined) =>
  v === undefined ? '' : /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;

function writeCsv(file: string, records: readonly CompanyRecord[]): void {
  const lines = ['Company,Address,City,State,Zip,Phone,Website,Email'];
  for (const r of records)
    lines.push(
      [r.name, r.address, r.city, r.state, r.zip, r.phone, r.website, r.emails?.[0]].map(cell).join(','),
    );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

function fresh(file: string) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true });
}

function main() {
  if (!fs.existsSync(CLI)) throw new Error('Run `npm run build` first.');
  fs.mkdirSync(WORK, { recursive: true });
  const sizes = SIZES.length ? SIZES : [25_000, 50_000, 100_000];
  const largest = Math.max(...sizes);
  const { existing, incoming, planted } = generateCompanies(EXISTING, largest);
  const existingCsv = path.join(WORK, `existing-${EXISTING}.csv`);
  writeCsv(existingCsv, existing);
  const base = path.join(WORK, 'match-base.db');
  fresh(base);
  const baseImport = measureCommand(process.execPath, [CLI, '--db', base, 'import', existingCsv, '--json']);
  const rows = [];
  for (const size of sizes) {
    const file = path.join(WORK, `incoming-${size}.csv`);
    const slice = incoming.slice(0, size);
    writeCsv(file, slice);
    const runs: Record<string, ReturnType<typeof measureCommand>> = {};
    for (const mode of ['no-match', 'match']) {
      const db = path.join(WORK, `match-${mode}-${size}.db`);
      fresh(db);
      fs.copyFileSync(base, db);
      runs[mode] = measureCommand(process.execPath, [
        CLI,
        '--db',
        db,
        'import',
        file,
        '--json',
        ...(mode === 'no-match' ? ['--no-match'] : []),
      ]);
    }
    const report = JSON.parse(runs.match!.stdout.trim().split('\n').at(-1)!) as {
      merged: number;
      sentToReview: number;
    };
    // Planted duplicates found: the new row's company was merged into, or queued with, its original's.
    const db = new Database(path.join(WORK, `match-match-${size}.db`), { readonly: true });
    const companyOfRow = (batch: number, row: number) =>
      db
        .prepare(
          'SELECT coalesce(c.merged_into, c.id) FROM source_rows s JOIN companies c ON c.id = s.company_id WHERE s.batch_id = ? AND s.row_number = ?',
        )
        .pluck()
        .get(batch, row) as number;
    const review = new Set(
      db
        .prepare(`SELECT left_id || ':' || right_id FROM match_candidates WHERE status = 'pending'`)
        .pluck()
        .all() as string[],
    );
    let merged = 0;
    let queued = 0;
    const existingRow = new Map(existing.map((r, i) => [r.id, i + 1]));
    slice.forEach((r, i) => {
      const original = planted.get(r.id);
      if (original === undefined) return;
      const mine = companyOfRow(2, i + 1);
      const theirs = companyOfRow(1, existingRow.get(original)!);
      if (mine === theirs) merged++;
      else if (review.has(`${Math.min(mine, theirs)}:${Math.max(mine, theirs)}`)) queued++;
    });
    const plantedHere = slice.filter((r) => planted.has(r.id)).length;
    db.close();
    rows.push({ size, match: runs.match!, base: runs['no-match']!, report, merged, queued, plantedHere });
  }
  console.log(`\n250,000 existing companies imported in ${fmt(baseImport.seconds)} s (setup).\n`);
  console.log(
    '| new companies | import with matching | same import, --no-match (baseline) | matching cost | merged / to review | planted duplicates found (merged + queued) | peak RSS |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.size.toLocaleString('en-US')} | ${fmt(r.match.seconds)} s | ${fmt(r.base.seconds)} s | ${fmt(r.match.seconds - r.base.seconds)} s | ${r.report.merged} / ${r.report.sentToReview} | ${fmt(r.merged / r.plantedHere, 3)} + ${fmt(r.queued / r.plantedHere, 3)} | ${r.match.peakMb === null ? 'n/a' : `${fmt(r.match.peakMb, 0)} MB`} |`,
    );
  }
  console.log('\nGoal: 100,000 new against 250,000 in ≤ 20 s, peak RSS ≤ 500 MB.');
}

main();
