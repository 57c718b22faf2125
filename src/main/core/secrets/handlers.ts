import type { CoreHandler } from '../handlers';
import { recordAudit } from '../audit/audit';

export const secretHandlers = {
  'secrets.status': ((_input, ctx) => ctx.secrets.statusAll()) satisfies CoreHandler<'secrets.status'>,
  'secrets.save': (async (input, ctx) => {
    const status = await ctx.secrets.save(input.name, input.value);
    recordAudit(ctx.db, { action: 'secret.saved', details: { name: input.name } }, ctx.clock);
    return status;
  }) satisfies CoreHandler<'secrets.save'>,
  'secrets.delete': (async (input, ctx) => {
    const status = await ctx.secrets.delete(input.name);
    recordAudit(ctx.db, { action: 'secret.deleted', details: { name: input.name } }, ctx.clock);
    return status;
  }) satisfies CoreHandler<'secrets.delete'>,
};
