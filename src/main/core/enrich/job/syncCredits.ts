import { AppFailure } from '@shared/contract/result';
import type { HunterCreditsSync } from '@shared/domain/enrich';
import type { Db } from '../../db/database';
import type { Clock } from '../../clock';
import { recordAudit } from '../../audit/audit';
import { LedgerCreditBudget, syncHunterFromApi } from '../../quotas/hunterCredits';
import { readSettings } from '../../settings/settingsStore';
import { HunterError, hunterErrorToAppFailure } from '../hunterErrors';
import type { HunterApi } from '../hunterClient';
import { hunterClientFor } from './runEnrichment';

/**
 * "Sync credits": Hunter's own count of the month (GET /account, which costs nothing) into the
 * quota ledger, so credits spent on hunter.io or another computer count against the budget.
 */
export async function syncHunterCreditsNow(
  db: Db,
  clock: Clock,
  apiKey: string | null,
  hunter?: Pick<HunterApi, 'account'>,
): Promise<HunterCreditsSync> {
  const client = hunter ?? hunterClientFor(readSettings(db, 'enrich'), apiKey);
  if (!client)
    throw new AppFailure('not_found', 'No Hunter API key is saved. Add it in Settings → API keys.');
  let account;
  try {
    account = await syncHunterFromApi(db, client, clock);
  } catch (error) {
    if (error instanceof HunterError) throw hunterErrorToAppFailure(error);
    throw error;
  }
  const ledger = new LedgerCreditBudget(db, { clock });
  const result: HunterCreditsSync = {
    plan: account.planName,
    searches: { used: account.searches.used, available: account.searches.available },
    verifications: { used: account.verifications.used, available: account.verifications.available },
    resetDate: account.resetDate,
    creditsLeft: { search: ledger.remaining('search'), verification: ledger.remaining('verification') },
  };
  recordAudit(db, { action: 'hunter.credits_synced', details: { ...result } }, clock);
  return result;
}
