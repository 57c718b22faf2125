import type { Db } from '../../db/database';
import { statement } from '../../db/statementCache';
import { systemClock, type Clock } from '../../clock';
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
  clock?: Clock;
  /**
   * A search or verification booked longer ago than this with no answer in its cache belongs to a
   * run that died mid-call (a crash, a killed process): another run may then book it again.
   */
  leaseMs?: number;
}

/** Whether a process of this machine still runs (the database is local: its bookers are too). */
function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
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
  /** Searches and verifications this run booked, to release the unanswered ones when it stops. */
  private readonly mine = new Map<string, CreditRef>();

  constructor(
    private readonly db: Db,
    private readonly inner: CreditBudget & { refund(kind: CreditKind, units: number, ref: CreditRef): void },
    private readonly options: OnceBudgetOptions,
  ) {}

  private booked(kind: CreditKind, ref: CreditRef): boolean {
    const row = statement(
      this.db,
      `SELECT at, owner_pid FROM quota_ledger WHERE quota = ? AND note = ? AND outcome = 'used' ORDER BY id DESC LIMIT 1`,
    ).get(CREDIT_KEYS[kind], ref.key) as { at: string; owner_pid: number | null } | undefined;
    if (row === undefined) return false;
    if (ref.action === 'email_finder') return true;
    // Booked by a process that is gone: its answer will never come (the unit stays counted).
    if (row.owner_pid !== null && !processAlive(row.owner_pid)) return false;
    const now = (this.options.clock ?? systemClock).now().getTime();
    return now - Date.parse(row.at) < (this.options.leaseMs ?? 120_000);
  }

  private reserveOnce(kind: CreditKind, units: number, ref: CreditRef): 'booked' | 'refused' | 'taken' {
    return this.db
      .transaction(() => {
        if (this.booked(kind, ref)) return 'taken' as const;
        if (this.inner.tryReserve(kind, units, ref) !== true) return 'refused' as const;
        statement(
          this.db,
          `UPDATE quota_ledger SET owner_pid = ? WHERE id = (SELECT max(id) FROM quota_ledger WHERE quota = ? AND note = ?)`,
        ).run(process.pid, CREDIT_KEYS[kind], ref.key);
        if (ref.action !== 'email_finder') this.mine.set(ref.key, ref);
        return 'booked' as const;
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

  spentBefore(kind: CreditKind, ref: CreditRef): boolean {
    return this.booked(kind, ref);
  }

  /**
   * After a cancelled run: a search or verification stopped mid-call stays booked (Hunter may
   * have charged it), but its key is marked unanswered so the next run does not wait for, or
   * refuse itself, an answer that will never come; it asks again, and the ledger counts both.
   */
  releaseUnanswered(): void {
    const update = statement(
      this.db,
      `UPDATE quota_ledger SET note = note || ':unanswered' WHERE quota IN ('hunter.search', 'hunter.verification') AND note = ? AND outcome = 'used'`,
    );
    const searched = statement(
      this.db,
      'SELECT 1 FROM hunter_searches WHERE domain = ? AND month = ?',
    ).pluck();
    const verified = statement(
      this.db,
      'SELECT 1 FROM hunter_verifications WHERE email = ? AND month = ?',
    ).pluck();
    for (const [key, ref] of this.mine) {
      const answered =
        ref.action === 'domain_search'
          ? searched.get(ref.domain, ref.month) !== undefined
          : verified.get(ref.email ?? '', ref.month) !== undefined;
      if (!answered) update.run(key);
    }
    this.mine.clear();
  }
}
