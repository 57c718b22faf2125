import type { CoreHandler } from '../handlers';
import type { CoreContext } from '../context';
import { awaitJob } from '../jobs/awaitJob';
import { readSettings } from '../settings/settingsStore';
import { rescore, previewTierMoves, type RescoreReport } from '../scoring/rescore';
import { approveQueued, decideLeads, QUEUE_FILTER } from '../scoring/approvals';
import { companyDetail, contactDetail } from './details';
import { editContact } from './editContact';
import { deleteFilter, listFilters, saveFilter } from './savedFilters';

const changed = (ctx: CoreContext, scope: string) => ctx.emit('data.changed', { scope });

export const recordHandlers = {
  'records.contacts': ((input, ctx) =>
    ctx.records.contactsPage(
      input.filter,
      input.offset,
      input.limit,
      input.sort,
      input.direction,
    )) satisfies CoreHandler<'records.contacts'>,
  'records.companies': ((input, ctx) =>
    ctx.records.companiesPage(
      input.filter,
      input.offset,
      input.limit,
      input.sort,
      input.direction,
    )) satisfies CoreHandler<'records.companies'>,
  'records.contact': ((input, ctx) =>
    contactDetail(ctx.db, ctx.records, input.id)) satisfies CoreHandler<'records.contact'>,
  'records.company': ((input, ctx) =>
    companyDetail(ctx.db, ctx.records, input.id)) satisfies CoreHandler<'records.company'>,
  'records.updateContact': ((input, ctx) => {
    editContact(ctx.db, input.id, input.changes, ctx.clock);
    rescore(ctx.db, readSettings(ctx.db, 'scoring'), ctx.clock.now().toISOString(), [input.id]);
    changed(ctx, 'contact');
    return contactDetail(ctx.db, ctx.records, input.id);
  }) satisfies CoreHandler<'records.updateContact'>,
  'records.facets': ((_input, ctx) => ({
    states: ctx.db
      .prepare(
        `SELECT DISTINCT state FROM companies WHERE state IS NOT NULL AND merged_into IS NULL ORDER BY state LIMIT 100`,
      )
      .pluck()
      .all() as string[],
    imports: ctx.db
      .prepare(
        `SELECT id, file_name AS fileName FROM import_batches WHERE status = 'committed' ORDER BY id DESC LIMIT 100`,
      )
      .all() as {
      id: number;
      fileName: string;
    }[],
  })) satisfies CoreHandler<'records.facets'>,
  'filters.list': ((_input, ctx) => listFilters(ctx.db)) satisfies CoreHandler<'filters.list'>,
  'filters.save': ((input, ctx) =>
    saveFilter(
      ctx.db,
      input.name,
      input.kind,
      input.filter,
      ctx.clock,
    )) satisfies CoreHandler<'filters.save'>,
  'filters.delete': ((input, ctx) => deleteFilter(ctx.db, input.id)) satisfies CoreHandler<'filters.delete'>,
  'approvals.queue': ((input, ctx) =>
    ctx.records.contactsPage(
      QUEUE_FILTER,
      input?.offset ?? 0,
      input?.limit ?? 100,
      'score',
      'desc',
    )) satisfies CoreHandler<'approvals.queue'>,
  'approvals.decide': ((input, ctx) => {
    const decided = decideLeads(ctx.db, input.ids, input.decision, input.reason ?? null, ctx.clock);
    changed(ctx, 'approvals');
    return { decided };
  }) satisfies CoreHandler<'approvals.decide'>,
  'approvals.approveFilter': ((input, ctx) => {
    const decided = approveQueued(ctx.db, ctx.records, input.filter, ctx.clock);
    changed(ctx, 'approvals');
    return { decided };
  }) satisfies CoreHandler<'approvals.approveFilter'>,
  'scoring.preview': ((input, ctx) =>
    previewTierMoves(ctx.db, input.settings)) satisfies CoreHandler<'scoring.preview'>,
  'scoring.rescore': (async (_input, ctx) => {
    const report = await awaitJob<RescoreReport>(ctx, 'score', {});
    changed(ctx, 'scores');
    return report;
  }) satisfies CoreHandler<'scoring.rescore'>,
};
