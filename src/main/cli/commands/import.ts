import { FIELD_IDS, IMPORT_FIELDS, isFieldId, type FieldId } from '@shared/domain/import/fields';
import {
  PROBLEM_KINDS,
  PROBLEM_LABELS,
  type ImportOptions,
  type ImportReport,
  type ProblemAction,
} from '@shared/domain/import/types';
import { formatCount } from '@shared/domain/format';
import { inspectFile } from '../../core/import/inspect';
import { runImport } from '../../core/import/runImport';
import { systemClock } from '../../core/clock';
import { headerKey } from '../../core/import/mapping/headerKey';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

/** `--map "Company Name=company_name"` or `--map "#3=none"` (1-based column number). */
function parseMaps(values: string[], headers: string[]): Record<number, FieldId | null> {
  const mapping: Record<number, FieldId | null> = {};
  for (const value of values) {
    const eq = value.lastIndexOf('=');
    if (eq <= 0) throw new UsageError(`--map needs COLUMN=field, got "${value}".`);
    const column = value.slice(0, eq).trim();
    const field = value.slice(eq + 1).trim();
    const index = /^#\d+$/.test(column)
      ? Number(column.slice(1)) - 1
      : headers.findIndex((h) => headerKey(h) === headerKey(column));
    if (index < 0 || index >= headers.length) {
      throw new UsageError(`--map: there is no column "${column}". Columns: ${headers.join(', ')}`);
    }
    if (field === 'none' || field === '-') mapping[index] = null;
    else if (isFieldId(field)) mapping[index] = field;
    else throw new UsageError(`--map: "${field}" is not a field; \`npm run cli -- fields\` lists them.`);
  }
  return mapping;
}

function printReport(report: ImportReport, out: (line: string) => void): void {
  if (report.alreadyImported) {
    out(
      `${report.fileName} was already imported the same way (import #${report.alreadyImported.batchId}, ${report.alreadyImported.at}); nothing changed.`,
    );
    return;
  }
  out(
    `${report.dryRun ? 'Dry run of' : 'Imported'} ${report.fileName}${report.batchId ? ` (import #${report.batchId})` : ''} in ${report.seconds.toFixed(2)} s`,
  );
  out(`  rows read   ${formatCount(report.rowsRead)}`);
  out(
    `  new         ${formatCount(report.inserted)}   (${formatCount(report.companiesCreated)} companies, ${formatCount(report.contactsCreated)} contacts)`,
  );
  out(`  updated     ${formatCount(report.updated)}`);
  out(`  unchanged   ${formatCount(report.unchanged)}`);
  out(`  skipped     ${formatCount(report.skipped)}`);
  out(`  flagged     ${formatCount(report.flagged)}`);
  if (report.merged || report.sentToReview) {
    out(
      `  matched     ${formatCount(report.merged)} merged into records already here, ${formatCount(report.sentToReview)} sent to review`,
    );
  }
  for (const kind of PROBLEM_KINDS) {
    const n = report.problems[kind];
    if (!n) continue;
    const sample = report.problemSamples[kind]?.[0];
    out(
      `  ! ${PROBLEM_LABELS[kind]}: ${formatCount(n)}${sample ? ` (e.g. row ${sample.row}${sample.column ? `, ${sample.column}` : ''}: "${sample.value}")` : ''}`,
    );
  }
}

export const importCommand: CliCommand = {
  name: 'import',
  usage:
    'import FILE [--profile NAME] [--sheet NAME] [--no-header] [--map "COLUMN=field" ...] [--skip-problems] [--dry-run] [--json]',
  summary: 'import a spreadsheet (CSV, TSV, XLSX) and print the report',
  options: {
    profile: { type: 'string' },
    sheet: { type: 'string' },
    'no-header': { type: 'boolean' },
    map: { type: 'string', multiple: true },
    'skip-problems': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    'no-match': { type: 'boolean' },
  },
  async run({ db, io, json, positionals, options }) {
    const [file] = positionals;
    if (!file) throw new UsageError('import needs a file: import FILE');
    const base: ImportOptions = {
      path: file,
      sheet: (options.sheet as string | undefined) ?? null,
      noHeader: options['no-header'] === true,
      profile: (options.profile as string | undefined) ?? null,
      dryRun: options['dry-run'] === true,
      matchExisting: options['no-match'] === true ? false : undefined,
    };
    const maps = (options.map as string[] | undefined) ?? [];
    if (maps.length > 0) {
      const inspected = await inspectFile(db, base);
      base.mapping = parseMaps(maps, inspected.headers);
    }
    if (options['skip-problems'] === true) {
      base.problemActions = Object.fromEntries(PROBLEM_KINDS.map((k) => [k, 'skip' as ProblemAction]));
    }
    const started = performance.now();
    let shown = 0;
    const report = await runImport(
      {
        db,
        clock: systemClock,
        progress(done) {
          // Drawn at most ten times a second; the import reports far more often than that.
          const now = performance.now();
          if (now - shown < 100) return;
          shown = now;
          io.progress(
            `${formatCount(done)} rows · ${formatCount(Math.round(done / ((now - started) / 1000)))} rows/s`,
          );
        },
        throwIfCancelled: () => undefined,
      },
      base,
    );
    io.progress('');
    if (json) {
      io.out(
        JSON.stringify({
          batch: report.batchId,
          alreadyImported: report.alreadyImported?.batchId ?? null,
          dryRun: report.dryRun,
          rowsRead: report.rowsRead,
          inserted: report.inserted,
          updated: report.updated,
          unchanged: report.unchanged,
          skipped: report.skipped,
          flagged: report.flagged,
          companiesCreated: report.companiesCreated,
          contactsCreated: report.contactsCreated,
          merged: report.merged,
          sentToReview: report.sentToReview,
          problems: report.problems,
          seconds: Number(report.seconds.toFixed(3)),
        }),
      );
    } else printReport(report, io.out);
  },
};

export const fieldsCommand: CliCommand = {
  name: 'fields',
  usage: 'fields [--json]',
  summary: 'the field names that --map accepts',
  run({ io, json }) {
    if (json) {
      io.out(JSON.stringify(IMPORT_FIELDS.map((f) => ({ id: f.id, label: f.label, record: f.target }))));
      return;
    }
    const width = Math.max(...FIELD_IDS.map((f) => f.length));
    for (const field of IMPORT_FIELDS) io.out(`${field.id.padEnd(width)}  ${field.label} (${field.target})`);
    io.out(`${'none'.padEnd(width)}  leave the column out (it stays in the raw row)`);
  },
};
