import type { SectionName } from '@shared/domain/settings';
import type { CoreHandler } from '../handlers';
import { readAllSettings, writeSettings } from './settingsStore';

export const settingsHandlers = {
  'settings.all': ((_input, ctx) => readAllSettings(ctx.db)) satisfies CoreHandler<'settings.all'>,
  'settings.update': ((input, ctx) => {
    writeSettings(ctx.db, input.section as SectionName, input.value, ctx.clock);
    ctx.emit('data.changed', { scope: `settings.${input.section}` });
    return readAllSettings(ctx.db);
  }) satisfies CoreHandler<'settings.update'>,
};
