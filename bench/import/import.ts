/**
 * Import benchmark: `npm run build && npm run bench -- bench/import/import.ts [--rows N]`.
 *
 * CSV: a CSLB-shaped file of 242,892 rows × 52 columns, imported by the CLI, beside the sqlite3
 * command-line tool's `.import` of the same file into a plain table (same run, same disk).
 * XLSX: a 200,000 × 15 workbook imported by the CLI, beside exceljs's bare streaming read of it.
 * Prints a markdown table for bench/RESULTS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeCslbCsv, writeContactsXlsx } from './generate';
import { fmt, measureCommand, WORK } from '../lib/measure';

const ROOT = path.resolve(WORK, '..', '..');
const CLI = path.join(ROOT, 'out/main/cli.js');
const argRows = process.argv.indexOf('--rows');
const CSV_ROWS = argRows > 0 ? Number(process.argv[argRows + 1]) : 242_892;
const XLSX_ROWS = argRows > 0 ? Math.round(CSV_ROWS * 0.82) : 200_000;

async function input(name: string, make: (file: string) => Promise<number>): Promise<string> {
  const file = path.join(WORK, name);
  if (!fs.existsSync(file)) {
    process.stderr.write(`generating ${name}…\n`);
    await make(file);
  }
  return file;
}

function fresh(name: string): string {
  const db = path.join(WORK, name);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${db}${suffix}`, { force: true });
  return db;
}

async function main() {
  if (!fs.existsSync(CLI))
    throw new Error('Run `npm run build` first: the benchmark measures the built CLI.');
  fs.mkdirSync(WORK, { recursive: true });
  const csv = await input(`cslb-${CSV_ROWS}.csv`, (f) => writeCslbCsv(f, CSV_ROWS));
  const xlsx = await input(`contacts-${XLSX_ROWS}.xlsx`, (f) => writeContactsXlsx(f, XLSX_ROWS));
  const csvMb = fs.statSync(csv).size / 1e6;

  // Baseline: sqlite3's own CSV import into a table with 52 text columns and no indexes.
  const plain = fresh('sqlite3-baseline.db');
  const columns = Array.from({ length: 52 }, (_, i) => `c${i}`).join(', ');
  const sqlite = measureCommand('sqlite3', [plain], {
    input: `CREATE TABLE t (${columns});\n.mode csv\n.import ${csv} t\n`,
  });
  const ours = measureCommand(process.execPath, [CLI, '--db', fresh('cli-csv.db'), 'import', csv, '--json']);
  const csvReport = JSON.parse(ours.stdout.trim().split('\n').at(-1)!) as {
    rowsRead: number;
    inserted: number;
  };

  // Baseline: exceljs reading the workbook as a stream, doing nothing with the rows.
  const bare = measureCommand(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import fs from 'node:fs'; import ExcelJS from 'exceljs';
     const reader = new ExcelJS.stream.xlsx.WorkbookReader(fs.createReadStream(${JSON.stringify(xlsx)}), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit' });
     let n = 0; for await (const ws of reader) for await (const row of ws) { n++; void row.values; } console.log(n);`,
    ],
    { cwd: ROOT },
  );
  const xOurs = measureCommand(process.execPath, [
    CLI,
    '--db',
    fresh('cli-xlsx.db'),
    'import',
    xlsx,
    '--json',
  ]);
  const xReport = JSON.parse(xOurs.stdout.trim().split('\n').at(-1)!) as { rowsRead: number };

  const mb = (n: number | null) => (n === null ? 'n/a' : `${fmt(n, 0)} MB`);
  console.log(`\n| import | rows | ours | baseline (same run) | ratio | peak RSS ours | peak RSS baseline |`);
  console.log(`|---|---:|---:|---:|---:|---:|---:|`);
  console.log(
    `| CSV ${fmt(csvMb, 1)} MB, 52 columns (CLI vs \`sqlite3 .import\`) | ${csvReport.rowsRead.toLocaleString('en-US')} | ${fmt(ours.seconds)} s | ${fmt(sqlite.seconds)} s | ${fmt(ours.seconds / sqlite.seconds, 1)}× | ${mb(ours.peakMb)} | ${mb(sqlite.peakMb)} |`,
  );
  console.log(
    `| XLSX, 15 columns (CLI vs exceljs bare streaming read) | ${xReport.rowsRead.toLocaleString('en-US')} | ${fmt(xOurs.seconds)} s | ${fmt(bare.seconds)} s | ${fmt(xOurs.seconds / bare.seconds, 2)}× | ${mb(xOurs.peakMb)} | ${mb(bare.peakMb)} |`,
  );
  console.log(
    `\nGoals: CSV ≤ 2× sqlite3 and ≤ 300 MB; XLSX ≤ 1.3× the bare read. Inserted (CSV): ${csvReport.inserted.toLocaleString('en-US')}.`,
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
