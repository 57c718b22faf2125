import type { RetentionReport } from '@shared/domain/privacy';
import type { CoreHandler } from '../handlers';
import { awaitJob } from '../jobs/awaitJob';
import { readSettings } from '../settings/settingsStore';
import { exportPerson, personExportsFolder } from './exportPerson';
import type { EraseJobParams } from './jobs';
import { personRecords } from './people';
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
  // A job: the search through every raw row would hold up the window for seconds. An unknown
  // contact is refused here, before a job is started for nothing. The job's end announces the
  // changed data.
  'privacy.erasePerson': ((input, ctx) => {
    personRecords(ctx.db, input.id);
    return ctx.jobs.start('privacy.erase', input satisfies EraseJobParams);
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
