import type { QuotaKey } from '@shared/domain/quotas';
import type { Db } from '../db/database';
import { systemClock, type Clock } from '../clock';
import type { CreditBudget, CreditKind, CreditRef } from '../enrich/spend';
import type { HunterAccount } from '../enrich/hunterTypes';
import type { HunterApi } from '../enrich/hunterClient';
import { readQuotaConfig, type QuotaConfig } from './config';
import { recordSync, refundBooking, reserveUnits, usedIn } from './ledger';
import { windowAt } from './windows';
import { statement } from '../db/statementCache';

export const CREDIT_KEYS: Record<CreditKind, QuotaKey> = {
  search: 'hunter.search',
  verification: 'hunter.verification',
};

const CREDIT_QUOTAS = { search: 'hunter_search_month', verification: 'hunter_verification_month' } as const;

/**
 * Hunter's monthly budget, in the quota ledger. Enrichment calls `tryReserve` before every paid
 * call (one immediate transaction: check and book), and `refund` when Hunter did not charge.
 * The credit's stable key ("domain_search:acme.com:2026-03") is the ledger row's note.
 */
export class LedgerCreditBudget implements CreditBudget {
  private readonly clock: Clock;
  private readonly config: () => QuotaConfig;

  constructor(
    private readonly db: Db,
    options: { clock?: Clock; config?: () => QuotaConfig } = {},
  ) {
    this.clock = options.clock ?? systemClock;
    this.config = options.config ?? (() => readQuotaConfig(db));
  }

  tryReserve(kind: CreditKind, units: number, ref: CreditRef): boolean {
    const contact = Number(ref.contactId);
    return reserveUnits(
      this.db,
      CREDIT_KEYS[kind],
      this.clock.now(),
      units,
      this.config(),
      Number.isInteger(contact) && contact > 0 ? { type: 'contact', id: contact } : undefined,
      ref.key,
    ).ok;
  }

  refund(kind: CreditKind, _units: number, ref: CreditRef): void {
    const id = statement(
      this.db,
      `SELECT id FROM quota_ledger WHERE quota = ? AND outcome = 'used' AND note = ? ORDER BY id DESC LIMIT 1`,
    )
      .pluck()
      .get(CREDIT_KEYS[kind], ref.key) as number | undefined;
    if (id !== undefined) refundBooking(this.db, id);
  }

  /** Credits left this month: the budget in Settings less what the ledger counts as used. */
  remaining(kind: CreditKind): number {
    const config = this.config();
    const { start, end } = windowAt(this.clock.now(), 'month', config.timeZone);
    const used = usedIn(this.db, CREDIT_KEYS[kind], start, end);
    return Math.max(0, config.limits[CREDIT_QUOTAS[kind]] - used);
  }
}

/**
 * Takes Hunter's own count of this month's searches and verifications (GET /v2/account) into the
 * ledger, so credits spent on hunter.io itself, or by another computer, count against the budget.
 */
export function syncHunterCredits(db: Db, account: HunterAccount, clock: Clock = systemClock): void {
  const at = clock.now();
  db.transaction(() => {
    for (const [kind, usage] of [
      ['search', account.searches],
      ['verification', account.verifications],
    ] as const) {
      recordSync(db, CREDIT_KEYS[kind], usage.used, at, {
        used: usage.used,
        available: usage.available,
        remaining: usage.remaining,
        plan: account.planName,
        resetDate: account.resetDate,
      });
    }
  }).immediate();
}

/** Asks Hunter for its count (the account call costs no credit) and syncs it into the ledger. */
export async function syncHunterFromApi(
  db: Db,
  hunter: Pick<HunterApi, 'account'>,
  clock: Clock = systemClock,
  signal?: AbortSignal,
): Promise<HunterAccount> {
  const account = await hunter.account(signal ? { signal } : {});
  syncHunterCredits(db, account, clock);
  return account;
}
