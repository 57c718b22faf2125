import type {
  ImportBatchSummary,
  ImportOptions,
  ImportReport,
  InspectResult,
} from '@shared/domain/import/types';
import type { FieldId } from '@shared/domain/import/fields';
import type { CoreHandler } from '../handlers';
import { awaitJob } from '../jobs/awaitJob';
import { BUILT_IN_PROFILES } from './mapping/profiles';
import { loadSavedProfiles } from './mapping/savedProfiles';
import type { UndoReport } from './undoImport';

/** The contract's mapping keys are column numbers as text (JSON object keys); the core uses numbers. */
function toOptions(
  input: { mapping?: Record<string, FieldId | null> } & Omit<ImportOptions, 'mapping'>,
): ImportOptions {
  const { mapping, ...rest } = input;
  if (!mapping) return rest;
  return { ...rest, mapping: Object.fromEntries(Object.entries(mapping).map(([k, v]) => [Number(k), v])) };
}

interface BatchRow {
  id: number;
  file_name: string;
  format: 'csv' | 'xlsx';
  profile: string | null;
  source_kind: ImportBatchSummary['sourceKind'];
  status: 'committed' | 'undone';
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  flagged: number;
  problems: string;
  seconds: number | null;
  created_at: string;
  undone_at: string | null;
}

const toSummary = (row: BatchRow): ImportBatchSummary => ({
  id: row.id,
  fileName: row.file_name,
  format: row.format,
  profile: row.profile,
  sourceKind: row.source_kind,
  status: row.status,
  rowsRead: row.rows_read,
  inserted: row.inserted,
  updated: row.updated,
  unchanged: row.unchanged,
  skipped: row.skipped,
  flagged: row.flagged,
  problems: JSON.parse(row.problems) as ImportBatchSummary['problems'],
  seconds: row.seconds,
  createdAt: row.created_at,
  undoneAt: row.undone_at,
});

export const importHandlers = {
  'imports.inspect': ((input, ctx) =>
    awaitJob<InspectResult>(
      ctx,
      'import.inspect',
      toOptions(input),
    )) satisfies CoreHandler<'imports.inspect'>,
  'imports.preview': ((input, ctx) =>
    awaitJob<ImportReport>(ctx, 'import', {
      ...toOptions(input),
      dryRun: true,
    })) satisfies CoreHandler<'imports.preview'>,
  'imports.commit': ((input, ctx) =>
    ctx.jobs.start('import', { ...toOptions(input), dryRun: false })) satisfies CoreHandler<'imports.commit'>,
  'imports.history': ((input, ctx) =>
    (
      ctx.db
        .prepare('SELECT * FROM import_batches ORDER BY id DESC LIMIT ?')
        .all(input?.limit ?? 50) as BatchRow[]
    ).map(toSummary)) satisfies CoreHandler<'imports.history'>,
  'imports.undo': (async (input, ctx) => {
    const report = await awaitJob<UndoReport>(ctx, 'import.undo', input);
    ctx.emit('data.changed', { scope: 'import.undo' });
    return report;
  }) satisfies CoreHandler<'imports.undo'>,
  'imports.profiles': ((_input, ctx) => [
    ...BUILT_IN_PROFILES.map((p) => ({
      id: p.id,
      label: p.label,
      sourceKind: p.sourceKind,
      builtIn: true,
      headerless: Boolean(p.headerless),
    })),
    ...loadSavedProfiles(ctx.db).map((p) => ({
      id: p.id,
      label: p.label,
      sourceKind: p.sourceKind,
      builtIn: false,
      headerless: Boolean(p.headerless),
    })),
  ]) satisfies CoreHandler<'imports.profiles'>,
};
