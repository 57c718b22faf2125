import type { CoreHandler } from '../handlers';
import { readDbInfo } from '../db/info';

export const appHandlers = {
  'app.ping': ((_input, ctx) => ({ at: ctx.clock.now().toISOString() })) satisfies CoreHandler<'app.ping'>,
  'db.info': ((_input, ctx) => readDbInfo(ctx.db)) satisfies CoreHandler<'db.info'>,
};
