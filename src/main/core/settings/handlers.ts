import type { SectionName } from '@shared/domain/settings';
import type { CoreHandler } from '../handlers';
import { readAllSettings, writeSettings } from './settingsStore';
import { awaitJob } from '../jobs/awaitJob';

export const settingsHandlers = {
  'settings.all': ((_input, ctx) => readAllSettings(ctx.db)) satisfies CoreHandler<'settings.all'>,
  'settings.update': (async (input, ctx) => {
    writeSettings(ctx.db, input.section as SectionName, input.value, ctx.clock);
    // New scoring rules: every lead is scored again before the call returns.
    if (input.section === 'scoring') await awaitJob(ctx, 'score', {});
    ctx.emit('data.changed', { scope: `settings.${input.section}` });
    return readAllSettings(ctx.db);
  }) satisfies CoreHandler<'settings.update'>,
};
