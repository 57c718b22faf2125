import { AppFailure } from '@shared/contract/result';
import { EXPORT_TARGETS, type CloseAccountInfo, type ExportPreview } from '@shared/domain/export';
import type { CoreHandler } from '../handlers';
import { readSettings } from '../settings/settingsStore';
import { formatInfo, resetColumns, saveColumns } from './columns';
import { exportHistory, exportItems } from './exportHistory';
import { awaitJob } from '../jobs/awaitJob';
import { previewExport } from './runExport';
import { countScope, ScopeError } from './exportLeads';

/** Up to this many leads, a preview takes well under a second and is answered by the core itself. */
const IN_CORE_PREVIEW_MAX = 20_000;
import { closeClientFor } from './close/closeSync';
import { CloseError } from './close/closeClient';

export const exportHandlers = {
  'exports.formats': ((_input, ctx) =>
    EXPORT_TARGETS.map((target) => formatInfo(ctx.db, target))) satisfies CoreHandler<'exports.formats'>,
  'exports.saveColumns': ((input, ctx) =>
    saveColumns(ctx.db, input.target, input.columns, ctx.clock)) satisfies CoreHandler<'exports.saveColumns'>,
  'exports.resetColumns': ((input, ctx) =>
    resetColumns(ctx.db, input.target, ctx.clock)) satisfies CoreHandler<'exports.resetColumns'>,
  'exports.preview': ((input, ctx) => {
    let size: number;
    try {
      size = countScope(ctx.db, input.scope);
    } catch (error) {
      if (error instanceof ScopeError) throw new AppFailure('not_found', error.message);
      throw error;
    }
    // A small scope is previewed at once; a big one on a job's thread, so the core keeps answering.
    return size <= IN_CORE_PREVIEW_MAX
      ? previewExport(ctx.db, input, input.limit)
      : awaitJob<ExportPreview>(ctx, 'export.preview', input);
  }) satisfies CoreHandler<'exports.preview'>,
  'exports.run': ((input, ctx) => ctx.jobs.start('export', input)) satisfies CoreHandler<'exports.run'>,
  'exports.history': ((input, ctx) =>
    exportHistory(ctx.db, input?.limit ?? 50)) satisfies CoreHandler<'exports.history'>,
  'exports.items': ((input, ctx) =>
    exportItems(ctx.db, input.exportId, input.limit)) satisfies CoreHandler<'exports.items'>,
  'exports.closeAccount': (async (_input, ctx): Promise<CloseAccountInfo> => {
    const client = closeClientFor(ctx.db, await ctx.secrets.read('close'));
    try {
      const me = await client.me();
      return {
        organization: me.organizations?.[0]?.name ?? null,
        user: [me.first_name, me.last_name].filter(Boolean).join(' ') || me.email || null,
        baseUrl: readSettings(ctx.db, 'export').close.baseUrl,
      };
    } catch (error) {
      if (error instanceof CloseError)
        throw new AppFailure(error.kind === 'auth' ? 'not_allowed' : 'unavailable', error.message);
      throw error;
    }
  }) satisfies CoreHandler<'exports.closeAccount'>,
  'exports.closeSync': ((input, ctx) => {
    // Two syncs at once could both create the same lead before either recorded it.
    if (
      ctx.jobs
        .list(50)
        .some((j) => j.kind === 'close.sync' && (j.status === 'running' || j.status === 'queued'))
    )
      throw new AppFailure('conflict', 'A sync to Close is already running.');
    return ctx.jobs.start('close.sync', { scope: input.scope });
  }) satisfies CoreHandler<'exports.closeSync'>,
};
