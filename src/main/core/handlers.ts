import type { CallOutput, CoreCallName, ParsedInput } from '@shared/contract';
import type { CoreContext } from './context';
import { appHandlers } from './app/handlers';
import { importHandlers } from './import/handlers';
import { reviewHandlers } from './resolution/handlers';
import { settingsHandlers } from './settings/handlers';
import { recordHandlers } from './records/handlers';
import { jobHandlers } from './jobs/handlers';
import { outreachHandlers } from './outreach/handlers';
import { quotaHandlers } from './quotas/handlers';
import { templateHandlers } from './templates/handlers';
import { suppressionHandlers } from './suppression/handlers';
import { exportHandlers } from './export/handlers';
import { backupHandlers } from './backups/handlers';
import { privacyHandlers } from './privacy/handlers';
import { auditHandlers } from './audit/handlers';
import { dashboardHandlers } from './dashboard/handlers';
import { enrichHandlers } from './enrich/handlers';
import { linkedinHandlers } from './discover/handlers';

export type CoreHandler<N extends CoreCallName> = (
  input: ParsedInput<N>,
  ctx: CoreContext,
) => CallOutput<N> | Promise<CallOutput<N>>;

export type CoreHandlers = { [N in CoreCallName]: CoreHandler<N> };

/** Every core call, answered by its domain's handler file. */
export const coreHandlers = {
  ...appHandlers,
  ...importHandlers,
  ...reviewHandlers,
  ...settingsHandlers,
  ...recordHandlers,
  ...jobHandlers,
  ...outreachHandlers,
  ...quotaHandlers,
  ...templateHandlers,
  ...suppressionHandlers,
  ...exportHandlers,
  ...backupHandlers,
  ...privacyHandlers,
  ...auditHandlers,
  ...dashboardHandlers,
  ...enrichHandlers,
  ...linkedinHandlers,
} satisfies CoreHandlers;
