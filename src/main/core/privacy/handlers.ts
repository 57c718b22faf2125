import type { RetentionReport } from '@shared/domain/privacy';
import type { CoreHandler } from '../handlers';
import { awaitJob } from '../jobs/awaitJob';
import { readSettings } from '../settings/settingsStore';
import { erasePerson } from './erase';
import { exportPerson, personExportsFolder } from './exportPerson';
import { personPrivacy, setLawfulBasis } from './personPrivacy';
import { previewRetention } from './retention';

export const privacyHandlers = {
  'privacy.person': ((input, ctx) => personPrivacy(ctx.db, input.id)) satisfies CoreHandler<'privacy.person'>,
  'privacy.setLawfulBasis': ((input, ctx) => {
    const result = setLawfulBasis(ctx.db, input.id, input.lawfulBasis, ctx.clock);
    ctx.emit('data.changed', { scope: 'contact' });
    return result;
  }) satisfies CoreHandler<'privacy.setLawfulBasis'>,
  'privacy.exportPerson': ((input, ctx) =>
    exportPerson(ctx.db, input.id, ctx.clock, {
      folder: personExportsFolder(ctx.db.name),
    })) satisfies CoreHandler<'privacy.exportPerson'>,
  'privacy.erasePerson': ((input, ctx) => {
    const report = erasePerson(ctx.db, input.id, ctx.clock, { suppress: input.suppress });
    ctx.emit('data.changed', { scope: 'erasure' });
    return report;
  }) satisfies CoreHandler<'privacy.erasePerson'>,
  'privacy.retentionPreview': ((input, ctx) =>
    previewRetention(
      ctx.db,
      input?.days ?? readSettings(ctx.db, 'privacy').retentionDays,
      ctx.clock,
    )) satisfies CoreHandler<'privacy.retentionPreview'>,
  'privacy.purgeNow': (async (_input, ctx) => {
    const report = await awaitJob<RetentionReport>(ctx, 'retention', {});
    ctx.emit('data.changed', { scope: 'retention' });
    return report;
  }) satisfies CoreHandler<'privacy.purgeNow'>,
};
