import type { CoreHandler } from '../handlers';

export const jobHandlers = {
  'jobs.list': ((input, ctx) => ctx.jobs.list(input?.limit)) satisfies CoreHandler<'jobs.list'>,
  'jobs.cancel': ((input, ctx) => ctx.jobs.cancel(input.id)) satisfies CoreHandler<'jobs.cancel'>,
};
