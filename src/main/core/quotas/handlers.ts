import type { CoreHandler } from '../handlers';
import { readQuotaConfig } from './config';
import { quotaMeters, usageByDay } from './quotaStatus';
import { inmailOutlook } from '../outreach/inmailOutlook';

export const quotaHandlers = {
  'quotas.status': ((input, ctx) => {
    const config = readQuotaConfig(ctx.db);
    const at = input?.at ? new Date(input.at) : ctx.clock.now();
    const meters = quotaMeters(ctx.db, at, config);
    return {
      at: at.toISOString(),
      timeZone: config.timeZone,
      warnAt: config.warnAt,
      meters,
      inmail: inmailOutlook(
        ctx.db,
        meters.find((m) => m.id === 'inmail_month')!,
        config,
      ),
    };
  }) satisfies CoreHandler<'quotas.status'>,
  'quotas.usage': ((input, ctx) =>
    usageByDay(
      ctx.db,
      ctx.clock.now(),
      input?.days ?? 30,
      readQuotaConfig(ctx.db).timeZone,
    )) satisfies CoreHandler<'quotas.usage'>,
};
