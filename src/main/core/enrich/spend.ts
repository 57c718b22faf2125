import type { DomainSearchResult, EmailVerification } from './hunterTypes';

/**
 * Spend control. The lead backs these with the database (the quota ledger and a cache table); the
 * in-memory versions here are for tests and the benchmark.
 */

/** Hunter's two counters: the finder and the domain search both spend searches. */
export type CreditKind = 'search' | 'verification';

/** What a credit is for; the ledger's note. */
export interface CreditRef {
  action: 'domain_search' | 'email_finder' | 'email_verifier';
  domain: string;
  /** The month the credit counts against, "2025-06" (local time). */
  month: string;
  contactId?: string | number;
  email?: string;
  /**
   * Stable across runs and workers: "domain_search:acme.com:2025-06". A database budget can put a
   * unique index on it to make "one search per domain per month" hold across job workers too.
   */
  key: string;
}

/**
 * The monthly budget. `tryReserve` must check and book in one step (one SQLite transaction): it is
 * called before every paid call, by many calls at once, and must say no once the month's credits
 * are booked. `refund` gives back a credit whose call Hunter did not charge (it failed, or it was
 * never sent).
 */
export interface CreditBudget {
  tryReserve(kind: CreditKind, units: number, ref: CreditRef): boolean | Promise<boolean>;
  refund?(kind: CreditKind, units: number, ref: CreditRef): void | Promise<void>;
  /**
   * After a refusal: whether this very credit (its key) was spent already this month, or is being
   * spent by another run now — so the refusal is not the budget running out, and the seller is not
   * told it is. A budget without one-credit-per-question rules leaves this out.
   */
  spentBefore?(kind: CreditKind, ref: CreditRef): boolean | Promise<boolean>;
}

export interface Reservation {
  kind: CreditKind;
  units: number;
  ref: CreditRef;
  refunded: boolean;
}

export class InMemoryCreditBudget implements CreditBudget {
  readonly reservations: Reservation[] = [];
  private readonly used: Record<CreditKind, number> = { search: 0, verification: 0 };

  constructor(private readonly limits: Record<CreditKind, number>) {}

  tryReserve(kind: CreditKind, units: number, ref: CreditRef): boolean {
    // Check and book with no await between them: that is the whole point.
    if (this.used[kind] + units > this.limits[kind]) return false;
    this.used[kind] += units;
    this.reservations.push({ kind, units, ref, refunded: false });
    return true;
  }

  refund(kind: CreditKind, units: number, ref: CreditRef): void {
    const r = this.reservations.find((x) => !x.refunded && x.kind === kind && x.ref.key === ref.key);
    if (!r) return;
    r.refunded = true;
    this.used[kind] -= units;
  }

  spent(kind: CreditKind): number {
    return this.used[kind];
  }

  remaining(kind: CreditKind): number {
    return this.limits[kind] - this.used[kind];
  }
}

/** Domain searches already paid for this month, so a domain is never searched twice in a month. */
export interface DomainSearchCache {
  get(
    domain: string,
    month: string,
  ): DomainSearchResult | undefined | Promise<DomainSearchResult | undefined>;
  set(domain: string, month: string, result: DomainSearchResult): void | Promise<void>;
}

export class InMemoryDomainSearchCache implements DomainSearchCache {
  readonly entries = new Map<string, DomainSearchResult>();
  get(domain: string, month: string): DomainSearchResult | undefined {
    return this.entries.get(`${month} ${domain}`);
  }
  set(domain: string, month: string, result: DomainSearchResult): void {
    this.entries.set(`${month} ${domain}`, result);
  }
}

/** Verifier answers already paid for this month, so an address is never verified twice a month. */
export interface VerificationCache {
  get(email: string, month: string): EmailVerification | undefined | Promise<EmailVerification | undefined>;
  set(email: string, month: string, result: EmailVerification): void | Promise<void>;
}
