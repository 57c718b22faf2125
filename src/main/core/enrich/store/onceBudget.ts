import type { Db } from '../../db/database';
import { statement } from '../../db/statementCache';
import { CREDIT_KEYS } from '../../quotas/hunterCredits';
import type { CreditBudget, CreditKind, CreditRef, DomainSearchCache } from '../spend';
import { realSleep, type Sleep } from '../time';

export interface OnceBudgetOptions {
  /** Where a domain search another run paid for will land. */
  searchCache: DomainSearchCache;
  /** How long to wait for another run's search of the same domain before going without. */
  waitMs?: number;
  pollMs?: number;
  sleep?: Sleep;
  signal?: AbortSignal;
}

/**
 * The monthly budget (the quota ledger) with one more rule: a credit whose stable key is already
 * booked this month is not booked again. The key names the domain and month ("domain_search:
 * acme.com:2026-11"), so of two jobs or two processes reaching for the same domain at once, the
 * second finds the first one's live booking in the same immediate transaction, waits for its
 * answer to reach the search cache, and the engine reads it from there: no domain is paid for twice
 * in a month, whatever runs at once.
 */
export class OnceBudget implements CreditBudget {
  constructor(
    private readonly db: Db,
    private readonly inner: CreditBudget & { refund(kind: CreditKind, units: number, ref: CreditRef): void },
    private readonly options: OnceBudgetOptions,
  ) {}

  private booked(kind: CreditKind, ref: CreditRef): boolean {
    return (
      statement(
        this.db,
        `SELECT 1 FROM quota_ledger WHERE quota = ? AND note = ? AND outcome = 'used' LIMIT 1`,
      )
        .pluck()
        .get(CREDIT_KEYS[kind], ref.key) !== undefined
    );
  }

  private reserveOnce(kind: CreditKind, units: number, ref: CreditRef): 'booked' | 'refused' | 'taken' {
    return this.db
      .transaction(() => {
        if (this.booked(kind, ref)) return 'taken' as const;
        return this.inner.tryReserve(kind, units, ref) === true ? ('booked' as const) : ('refused' as const);
      })
      .immediate();
  }

  async tryReserve(kind: CreditKind, units: number, ref: CreditRef): Promise<boolean> {
    const sleep = this.options.sleep ?? realSleep;
    const deadline = Date.now() + (this.options.waitMs ?? 60_000);
    for (;;) {
      const outcome = this.reserveOnce(kind, units, ref);
      if (outcome !== 'taken') return outcome === 'booked';
      // Only a domain search has an answer worth waiting for; a finder or verifier credit for the
      // same address this month was spent already, and its answer is on the contact it was for.
      if (ref.action !== 'domain_search') return false;
      if (await this.options.searchCache.get(ref.domain, ref.month)) return false;
      if (Date.now() >= deadline) return false;
      await sleep(this.options.pollMs ?? 200, this.options.signal);
    }
  }

  refund(kind: CreditKind, units: number, ref: CreditRef): void {
    this.inner.refund(kind, units, ref);
  }
}
