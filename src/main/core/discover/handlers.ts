import type { CoreHandler } from '../handlers';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit/audit';
import { AppFailure } from '@shared/contract/result';
import { listRuns } from './runStore';
import { readConnectionsNow, importOpenLeadList } from './oneOffReads';
import { assistedSend } from './assistedQueueSend';
import { readContactProfile } from './readContactProfile';
import { refuseDuringRestore } from '../backups/exclusive';

const changed = (ctx: CoreContext, scope: string) => ctx.emit('data.changed', { scope });

export const linkedinHandlers = {
  'linkedin.status': ((_input, ctx) =>
    ctx.linkedin.sessions.status()) satisfies CoreHandler<'linkedin.status'>,
  'linkedin.open': (async (_input, ctx) => {
    const status = await ctx.linkedin.sessions.start();
    recordAudit(ctx.db, { action: 'linkedin.opened', details: { browser: status.browser } }, ctx.clock);
    return status;
  }) satisfies CoreHandler<'linkedin.open'>,
  'linkedin.close': ((_input, ctx) => ctx.linkedin.sessions.close()) satisfies CoreHandler<'linkedin.close'>,
  'linkedin.continue': ((_input, ctx) =>
    ctx.linkedin.sessions.continueAfterStop()) satisfies CoreHandler<'linkedin.continue'>,
  'linkedin.readConnections': (async (_input, ctx) => {
    const report = await readConnectionsNow(ctx);
    changed(ctx, 'contacts');
    return report;
  }) satisfies CoreHandler<'linkedin.readConnections'>,
  'linkedin.importLeadList': (async (_input, ctx) => {
    const report = await importOpenLeadList(ctx);
    changed(ctx, 'contacts');
    return report;
  }) satisfies CoreHandler<'linkedin.importLeadList'>,
  'linkedin.openProfile': (async (input, ctx) => {
    if (!ctx.linkedin.sessions.open) return { opened: false };
    // LinkedIn counts it as a profile view like any other, so it goes the session's way (see
    // openProfileTab): not while the seller signs in or deals with a wall, its turn at the page,
    // within the caps and the working hours, refused with the reason rather than opened past them.
    const session = ctx.linkedin.sessions.ready();
    try {
      await session.openProfileTab(input.url);
    } finally {
      ctx.linkedin.sessions.notify();
    }
    return { opened: true };
  }) satisfies CoreHandler<'linkedin.openProfile'>,
  'linkedin.readProfile': (async (input, ctx) => {
    const report = await readContactProfile(ctx, input.contactId);
    if (report.changed.length > 0) changed(ctx, 'contacts');
    return report;
  }) satisfies CoreHandler<'linkedin.readProfile'>,
  'linkedin.assistedSend': (async (input, ctx) => {
    const result = await assistedSend(ctx, input.id);
    if (result.sent) changed(ctx, 'outreach');
    return result;
  }) satisfies CoreHandler<'linkedin.assistedSend'>,

  'discovery.runs': ((_input, ctx) => {
    const active = ctx.linkedin.runner.activeRunId;
    return listRuns(ctx.db).map((run) => (run.id === active ? ctx.linkedin.runner.run(run.id) : run));
  }) satisfies CoreHandler<'discovery.runs'>,
  'discovery.start': ((input, ctx) => {
    refuseDuringRestore('the discovery run');
    if (input.kind !== 'filter') return ctx.linkedin.runner.start(input);
    const ids = ctx.records.companyIds(input.filter, input.sort, input.direction);
    if (ids.length === 0) throw new AppFailure('invalid_input', 'No company is in this list.');
    return ctx.linkedin.runner.start({ kind: 'companies', companyIds: [...ids.subarray(0, input.limit)] });
  }) satisfies CoreHandler<'discovery.start'>,
  'discovery.pause': ((input, ctx) =>
    ctx.linkedin.runner.pause(input.id)) satisfies CoreHandler<'discovery.pause'>,
  'discovery.resume': ((input, ctx) => {
    refuseDuringRestore('the discovery run');
    return ctx.linkedin.runner.resume(input.id);
  }) satisfies CoreHandler<'discovery.resume'>,
  'discovery.cancel': ((input, ctx) =>
    ctx.linkedin.runner.cancel(input.id)) satisfies CoreHandler<'discovery.cancel'>,
};
