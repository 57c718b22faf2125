import { AppFailure } from '@shared/contract/result';
import type { CoreHandler } from '../handlers';
import { syncHunterCreditsNow } from './job/syncCredits';

export const enrichHandlers = {
  'enrich.run': ((input, ctx) => {
    // One run at a time from the app: two would share nothing but the budget (which holds), and
    // each would pace its own calls, together passing Hunter's rate limit.
    if (
      ctx.jobs.list(50).some((j) => j.kind === 'enrich' && (j.status === 'running' || j.status === 'queued'))
    )
      throw new AppFailure('conflict', 'Emails are already being found; wait for that run or cancel it.');
    return ctx.jobs.start('enrich', input);
  }) satisfies CoreHandler<'enrich.run'>,
  'enrich.syncCredits': (async (_input, ctx) => {
    const synced = await syncHunterCreditsNow(ctx.db, ctx.clock, await ctx.secrets.read('hunter'));
    ctx.emit('data.changed', { scope: 'quotas' });
    return synced;
  }) satisfies CoreHandler<'enrich.syncCredits'>,
};
