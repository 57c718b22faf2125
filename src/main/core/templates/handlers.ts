import type { CoreHandler } from '../handlers';
import { readQuotaConfig } from '../quotas/config';
import { contactValues, deleteTemplate, listTemplates, saveTemplate } from './templates';

export const templateHandlers = {
  'templates.list': ((_input, ctx) => listTemplates(ctx.db)) satisfies CoreHandler<'templates.list'>,
  'templates.save': ((input, ctx) => {
    const saved = saveTemplate(ctx.db, input, ctx.clock);
    ctx.emit('data.changed', { scope: 'templates' });
    return saved;
  }) satisfies CoreHandler<'templates.save'>,
  'templates.delete': ((input, ctx) => {
    deleteTemplate(ctx.db, input.id, ctx.clock);
    ctx.emit('data.changed', { scope: 'templates' });
    return listTemplates(ctx.db);
  }) satisfies CoreHandler<'templates.delete'>,
  'templates.values': ((input, ctx) =>
    contactValues(
      ctx.db,
      input.contactId,
      readQuotaConfig(ctx.db).senderName,
    )) satisfies CoreHandler<'templates.values'>,
};
