import type { ContactFilter } from './records';

/**
 * Which contacts to find emails for: chosen ones, or a filter; only those without an email of
 * their own or a verified one (a contact with guesses only is tried again).
 */
export interface EnrichRequest {
  contactIds?: number[];
  filter?: ContactFilter;
  /** The highest-scoring `limit` of them. */
  limit?: number;
}

/** What an enrichment run did; the `enrich` job's result and the CLI's --json line. */
export interface EnrichReport {
  /** Contacts without an email of their own or a verified one that were looked at. */
  contacts: number;
  /** Of them, how many now have a verified address (guesses are in `best`, not here). */
  withEmail: number;
  /** Addresses stored (a contact may get a few guesses). */
  emailsSaved: number;
  /** Of the best addresses, how many are verified / unknown / risky. */
  best: { verified: number; unknown: number; risky: number };
  domains: number;
  domainSearches: number;
  cachedSearches: number;
  finderCalls: number;
  verifierCalls: number;
  creditsRefused: number;
  patternsLearned: number;
  /** No Hunter key in the keychain: addresses were guessed from patterns and MX only. */
  noHunterKey: boolean;
  hunterStopped: { kind: string; message: string } | null;
  /** This month's Hunter credits left after the run, by the ledger. */
  creditsLeft: { search: number; verification: number };
  cancelled: boolean;
  seconds: number;
}

/** Hunter's own count of the month, as "Sync credits" took it into the ledger. */
export interface HunterCreditsSync {
  plan: string | null;
  searches: { used: number; available: number };
  verifications: { used: number; available: number };
  resetDate: string | null;
  /** Credits left by the ledger after the sync (the seller's budget may be below the plan). */
  creditsLeft: { search: number; verification: number };
}
