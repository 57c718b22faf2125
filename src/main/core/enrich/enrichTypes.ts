import type { Clock } from '../clock';
import type { ConfidenceRules, EmailStatus, MxEvidence } from './confidence';
import type { DomainSource } from './domains';
import type { HunterApi, DomainSearchParams } from './hunterClient';
import type { HunterErrorKind } from './hunterErrors';
import type { VerificationStatus } from './hunterTypes';
import type { MxLookupApi } from './mx';
import type { PatternStore } from './patternStore';
import type { CreditBudget, DomainSearchCache, VerificationCache } from './spend';

/** One contact to enrich, as the lead reads it from `contacts` joined with `companies`. */
export interface EnrichContactInput {
  id: string | number;
  firstName?: string | null;
  lastName?: string | null;
  fullName?: string | null;
  /** The lead score: Hunter credits go to the highest first. */
  score?: number | null;
  company?: string | null;
  website?: string | null;
  /** A domain already known for the company (`companies.domain`). */
  domain?: string | null;
  /** Addresses that came with the row; `verified` if the source vouched for them. */
  emails?: readonly { address: string; verified?: boolean }[];
}

export type EmailSource = 'hunter' | 'pattern' | 'import';
export type FoundBy = 'domain_search' | 'email_finder' | 'pattern' | 'import';

/** An address for a contact, with how it was found and how sure we are; maps to `contact_emails`. */
export interface FoundEmail {
  email: string;
  source: EmailSource;
  method: FoundBy;
  /** The pattern it follows, in template form (`{first}.{last}`), when known. */
  pattern: string | null;
  /** "first.last" for the eight defaults, else the template. */
  patternName: string | null;
  /** Hunter's own confidence (domain search) or score (finder). */
  hunterConfidence: number | null;
  /** A verifier's verdict on this address (Hunter's, from the search, the finder or the verifier). */
  verification: { status: VerificationStatus | null; score: number | null; date: string | null } | null;
  mx: MxEvidence;
  /** The domain accepts every address, so no check can confirm this one. */
  catchAll: boolean;
  confidence: number;
  status: EmailStatus;
  /** Sentences the UI shows under the address. */
  evidence: string[];
}

export interface ContactEnrichment {
  contactId: string | number;
  domain: string | null;
  domainSource: DomainSource | null;
  /** Best first. Empty when nothing could be found or guessed (see `notes`). */
  emails: FoundEmail[];
  /** About the contact and its domain: why no domain, why no credit was spent, … */
  notes: string[];
}

export interface EnrichmentSummary {
  contacts: number;
  /** Contacts with an address of their own (imported) or a verified one; guesses do not count. */
  withEmail: number;
  domains: number;
  /** Paid domain searches that reached Hunter in this run. */
  domainSearches: number;
  /** Domains answered from this month's cache instead. */
  cachedSearches: number;
  finderCalls: number;
  verifierCalls: number;
  /** Times the budget said no. */
  creditsRefused: number;
  patternsLearned: number;
  /** Set when Hunter stopped the run's Hunter calls (bad key, plan used up); the rest were guessed. */
  hunterStopped: { kind: HunterErrorKind; message: string } | null;
  cancelled: boolean;
}

export interface EnrichmentRun {
  /** In the order the contacts were given; only those finished when cancelled. */
  results: ContactEnrichment[];
  summary: EnrichmentSummary;
}

export interface EnrichDeps {
  /** Null without a Hunter key: patterns and MX only. */
  hunter: HunterApi | null;
  mx: MxLookupApi;
  budget: CreditBudget;
  searchCache: DomainSearchCache;
  patterns: PatternStore;
  /** Verifier answers paid for this month, by address; optional (the engine then asks each run). */
  verificationCache?: VerificationCache;
  clock?: Clock;
}

export interface EnrichProgress {
  done: number;
  total: number;
  result: ContactEnrichment;
}

export interface EnrichOptions {
  signal?: AbortSignal;
  onProgress?: (progress: EnrichProgress) => void;
  /** Domains worked at once (Hunter's limiter paces the calls). 16 by default. */
  concurrency?: number;
  /** Domain search filters; `personal`, `executive,senior`, 10 results by default. */
  search?: Omit<DomainSearchParams, 'domain'>;
  /** Ask the email finder (one search credit each) for people a domain search did not list. */
  useEmailFinder?: boolean;
  /**
   * Spend verification credits on the best guess at domains with no known pattern; a `valid`
   * answer teaches the domain's pattern to everyone else there. At most this many per domain.
   */
  verifyGuessesPerDomain?: number;
  /** Guessed addresses kept per contact when the domain's pattern is unknown. 3 by default. */
  maxGuesses?: number;
  /** Guess a domain from the company name when nothing else gives one (accepted only with MX). */
  guessDomains?: boolean;
  rules?: ConfidenceRules;
  /** The seller's time zone (the quota ledger's): which month a credit and a cached search are in. */
  timeZone?: string;
}
