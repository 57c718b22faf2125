import { z } from 'zod';
import { defineCall } from './define';
import type { JobSnapshot } from '../domain/jobs';
import type { ExportedPerson, PersonPrivacy, RetentionPreview, RetentionReport } from '../domain/privacy';

const id = z.number().int().positive();

export const privacyCalls = {
  /** A person's lawful basis and what is held on them, for the contact drawer. */
  'privacy.person': defineCall('core', z.object({ id }).strict()).returns<PersonPrivacy>(),
  'privacy.setLawfulBasis': defineCall(
    'core',
    z.object({ id, lawfulBasis: z.string().trim().min(1).max(120) }).strict(),
  ).returns<PersonPrivacy>(),
  /** Everything held on the person, written as JSON to `person-exports/` in the data folder. */
  'privacy.exportPerson': defineCall('core', z.object({ id }).strict()).returns<ExportedPerson>(),
  /**
   * Starts erasing the person (with every record merged into them) as a job; its ErasureReport is
   * the job's result. `suppress` also adds them to do-not-contact.
   */
  'privacy.erasePerson': defineCall(
    'core',
    z.object({ id, suppress: z.boolean().default(false) }).strict(),
  ).returns<JobSnapshot>(),
  /** How many contacts the retention rule would purge (with `days`, or the saved setting). */
  'privacy.retentionPreview': defineCall(
    'core',
    z
      .object({ days: z.number().int().min(0).max(3650).optional() })
      .strict()
      .optional(),
  ).returns<RetentionPreview>(),
  /** Runs the retention rule now (a job), with the saved number of days. */
  'privacy.purgeNow': defineCall('core', z.undefined()).returns<RetentionReport>(),
};
