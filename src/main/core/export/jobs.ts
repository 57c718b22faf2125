import path from 'node:path';
import {
  TARGET_LABELS,
  type CloseSyncReport,
  type ExportPreview,
  type ExportReport,
  type ExportRequest,
  type ExportScope,
} from '@shared/domain/export';
import type { JobDefinition } from '../jobs/types';
import { previewExport, runExport } from './runExport';
import { closeClientFor, syncToClose } from './close/closeSync';

export type ExportJobParams = ExportRequest & { path: string };

/**
 * Writes an export file. Not exclusive: it reads, then records the export in one short
 * transaction at the end, so it may run beside other jobs.
 */
export const exportJob: JobDefinition<ExportJobParams, ExportReport> = {
  kind: 'export',
  unit: 'rows',
  exclusive: false,
  label: (p) => `Exporting to ${TARGET_LABELS[p.target]} (${path.basename(p.path)})`,
  async run(ctx) {
    return runExport(
      {
        db: ctx.db,
        clock: ctx.clock,
        progress: ctx.progress,
        throwIfCancelled: ctx.throwIfCancelled,
        markDone: ctx.markDone,
      },
      ctx.params,
    );
  },
};

export type PreviewParams = Pick<ExportRequest, 'target' | 'scope' | 'sinceLast'> & { limit: number };

/**
 * The preview reads every lead of the scope (for the count and the since-last fingerprints): on
 * 100,000 leads that is a second or two, so it runs on a job's own thread and the core keeps
 * answering the other pages meanwhile (as the import's first look at a file does).
 */
export const exportPreviewJob: JobDefinition<PreviewParams, ExportPreview> = {
  kind: 'export.preview',
  unit: 'rows',
  exclusive: false,
  readOnly: true,
  label: (p) => `Previewing the ${TARGET_LABELS[p.target]} export`,
  async run(ctx) {
    const preview = previewExport(ctx.db, ctx.params, ctx.params.limit);
    ctx.progress(preview.total, preview.total);
    return preview;
  },
};

export interface CloseSyncParams {
  scope: ExportScope;
}

/**
 * Syncs a scope to Close through its API. Not exclusive (its writes are small and each one
 * commits at once, so a stopped sync resumes); the key comes from the keychain through the host.
 */
export const closeSyncJob: JobDefinition<CloseSyncParams, CloseSyncReport> = {
  kind: 'close.sync',
  unit: 'companies',
  exclusive: false,
  label: () => 'Syncing to Close',
  async run(ctx) {
    const client = closeClientFor(ctx.db, await ctx.secrets.read('close'));
    return syncToClose(
      {
        db: ctx.db,
        clock: ctx.clock,
        client,
        signal: ctx.signal,
        throwIfCancelled: ctx.throwIfCancelled,
        progress: ctx.progress,
      },
      ctx.params.scope,
    );
  },
};
