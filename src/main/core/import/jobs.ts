import path from 'node:path';
import type { ImportOptions, InspectResult, ImportReport } from '@shared/domain/import/types';
import type { JobDefinition } from '../jobs/types';
import { runImport } from './runImport';
import { inspectFile } from './inspect';
import { undoImport, type UndoReport } from './undoImport';

/** Reads the first rows of a file and proposes a mapping (read-only, runs beside other jobs). */
export const inspectJob: JobDefinition<ImportOptions, InspectResult> = {
  kind: 'import.inspect',
  unit: 'files',
  exclusive: false,
  label: (p) => `Reading ${path.basename(p.path)}`,
  async run(ctx) {
    const result = await inspectFile(ctx.db, ctx.params);
    ctx.progress(1, 1);
    return result;
  },
};

/** Imports a file (or, as a dry run, reports exactly what importing it would do). */
export const importJob: JobDefinition<ImportOptions, ImportReport> = {
  kind: 'import',
  unit: 'rows',
  exclusive: true,
  label: (p) => `${p.dryRun ? 'Checking' : 'Importing'} ${path.basename(p.path)}`,
  run: (ctx) =>
    runImport(
      {
        db: ctx.db,
        clock: ctx.clock,
        progress: ctx.progress,
        throwIfCancelled: ctx.throwIfCancelled,
        markDone: ctx.markDone,
      },
      ctx.params,
    ),
};

export const undoImportJob: JobDefinition<{ batchId: number }, UndoReport> = {
  kind: 'import.undo',
  unit: 'imports',
  exclusive: true,
  label: (p) => `Undoing import #${p.batchId}`,
  async run(ctx) {
    const report = undoImport(ctx.db, ctx.params.batchId, ctx.clock);
    ctx.progress(1, 1);
    return report;
  },
};
