import type { CoreHandler } from '../handlers';
import type { CoreContext } from '../context';
import { readQuotaConfig } from '../quotas/config';
import { recordNotice } from '../quotas/ledger';
import { ACTION_KEYS } from '../quotas/ledgerActionGate';
import { dateOf } from '../quotas/windows';
import { recordAudit } from '../audit/audit';
import { applyPlan, previewPlan } from './plan';
import { dayQueue } from './queue';
import { editMessage, markItem, undoMark } from './mark';
import { outreachLog } from './log';
import { responses } from './responses';

const changed = (ctx: CoreContext, scope: string) => ctx.emit('data.changed', { scope });

export const outreachHandlers = {
  'outreach.previewPlan': ((_input, ctx) =>
    previewPlan(ctx.db, ctx.clock, readQuotaConfig(ctx.db))) satisfies CoreHandler<'outreach.previewPlan'>,
  'outreach.applyPlan': ((_input, ctx) => {
    const plan = applyPlan(ctx.db, ctx.clock, readQuotaConfig(ctx.db));
    changed(ctx, 'outreach');
    return plan;
  }) satisfies CoreHandler<'outreach.applyPlan'>,
  'outreach.queue': ((input, ctx) => {
    const config = readQuotaConfig(ctx.db);
    return dayQueue(ctx.db, input?.date ?? dateOf(ctx.clock.now(), config.timeZone), config);
  }) satisfies CoreHandler<'outreach.queue'>,
  'outreach.mark': ((input, ctx) => {
    const item = markItem(
      ctx.db,
      {
        id: input.id,
        status: input.status,
        at: input.at ? new Date(input.at) : undefined,
        until: input.until,
        note: input.note,
      },
      ctx.clock,
      readQuotaConfig(ctx.db),
    );
    changed(ctx, 'outreach');
    return item;
  }) satisfies CoreHandler<'outreach.mark'>,
  'outreach.undo': ((input, ctx) => {
    const item = undoMark(ctx.db, input.id, ctx.clock, readQuotaConfig(ctx.db));
    changed(ctx, 'outreach');
    return item;
  }) satisfies CoreHandler<'outreach.undo'>,
  'outreach.editMessage': ((input, ctx) => {
    const item = editMessage(ctx.db, input.id, input.message, ctx.clock, readQuotaConfig(ctx.db));
    changed(ctx, 'outreach');
    return item;
  }) satisfies CoreHandler<'outreach.editMessage'>,
  'outreach.responses': ((_input, ctx) =>
    responses(ctx.db, ctx.clock.now(), readQuotaConfig(ctx.db))) satisfies CoreHandler<'outreach.responses'>,
  'outreach.log': ((input, ctx) =>
    outreachLog(ctx.db, input.contactId)) satisfies CoreHandler<'outreach.log'>,
  'outreach.limitNotice': ((input, ctx) => {
    const config = readQuotaConfig(ctx.db);
    ctx.db.transaction(() => {
      const notice = recordNotice(
        ctx.db,
        ACTION_KEYS[input.kind],
        input.message,
        ctx.clock.now(),
        config.timeZone,
      );
      recordAudit(
        ctx.db,
        { action: 'quotas.limit_notice', details: { kind: input.kind, ...notice } },
        ctx.clock,
      );
    })();
    changed(ctx, 'quotas');
  }) satisfies CoreHandler<'outreach.limitNotice'>,
};
