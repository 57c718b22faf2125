import type { CoreHandler } from '../handlers';
import { listAudit } from './auditLog';

export const auditHandlers = {
  'audit.list': ((input, ctx) => listAudit(ctx.db, input ?? {})) satisfies CoreHandler<'audit.list'>,
};
