import type { EnrichReport, EnrichRequest } from '@shared/domain/enrich';
import type { EnrichSettings } from '@shared/domain/settings/enrich';
import type { Db } from '../../db/database';
import type { Clock } from '../../clock';
import { recordAudit } from '../../audit/audit';
import { LedgerCreditBudget, syncHunterFromApi } from '../../quotas/hunterCredits';
import { readSettings } from '../../settings/settingsStore';
import { readQuotaConfig } from '../../quotas/config';
import { enrichContacts } from '../enrichContacts';
import type { ContactEnrichment, EnrichDeps } from '../enrichTypes';
import { HunterClient, type HunterApi } from '../hunterClient';
import { MxLookup, type MxLookupApi } from '../mx';
import { MxCacheTable } from '../store/mxCacheTable';
import { OnceBudget } from '../store/onceBudget';
import { PatternTable } from '../store/patternTable';
import { SearchCacheTable } from '../store/searchCacheTable';
import { VerificationTable } from '../store/verificationTable';
import { contactsToEnrich } from './contactsToEnrich';
import { saveEnrichments } from './saveEmails';

/** Contacts stored per transaction: small enough that a cancel loses nothing worth redoing. */
export const SAVE_BATCH = 25;

/** Hunter's API address as the client takes it: Settings keeps the documented ".../v2" form. */
export const hunterOrigin = (baseUrl: string) => baseUrl.trim().replace(/\/+$/, '').replace(/\/v2$/, '');

/** A Hunter client for the saved key and Settings' address; null without a key. */
export function hunterClientFor(settings: EnrichSettings, apiKey: string | null): HunterClient | null {
  return apiKey ? new HunterClient({ apiKey, baseUrl: hunterOrigin(settings.hunterBaseUrl) }) : null;
}

export interface EnrichmentContext {
  db: Db;
  clock: Clock;
  /** The key from the keychain (through the host in the app); null: patterns and MX only. */
  apiKey: string | null;
  jobId?: number | null;
  signal?: AbortSignal;
  progress(done: number, total: number): void;
  /** For tests: another Hunter or DNS than Settings says. */
  hunter?: HunterApi | null;
  mx?: MxLookupApi;
}

/**
 * One enrichment run over the database: picks the contacts, gives the engine its stores (the
 * tables of migration 12 and the quota ledger, so what one run learns or pays for the next one
 * knows, and the month's budget holds across jobs and processes), and stores each batch of
 * finished contacts as it comes. A cancelled run keeps every batch it stored.
 */
export async function runEnrichment(ctx: EnrichmentContext, request: EnrichRequest): Promise<EnrichReport> {
  const started = performance.now();
  const { db, clock } = ctx;
  const settings = readSettings(db, 'enrich');
  const contacts = contactsToEnrich(db, request);
  ctx.progress(0, contacts.length);

  const searchCache = new SearchCacheTable(db, clock);
  const ledger = new LedgerCreditBudget(db, { clock });
  const budget = new OnceBudget(db, ledger, {
    searchCache,
    clock,
    ...(ctx.signal ? { signal: ctx.signal } : {}),
  });
  const deps: EnrichDeps = {
    hunter: ctx.hunter !== undefined ? ctx.hunter : hunterClientFor(settings, ctx.apiKey),
    mx:
      ctx.mx ??
      new MxLookup({
        cache: new MxCacheTable(db),
        clock,
        ...(settings.dnsServers.length ? { servers: settings.dnsServers } : {}),
      }),
    budget,
    searchCache,
    patterns: new PatternTable(db),
    verificationCache: new VerificationTable(db, clock),
    clock,
  };

  // Hunter's own count first (the account call costs no credit), so credits spent on hunter.io
  // or on another computer count before this run spends any. A failed sync does not stop the run:
  // a refused key or a Hunter that is down is met, and reported, by the run's first paid call.
  if (deps.hunter && contacts.length > 0) {
    try {
      await syncHunterFromApi(db, deps.hunter, clock, ctx.signal);
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
    }
  }

  const jobId = ctx.jobId ?? null;
  let pending: ContactEnrichment[] = [];
  let emailsSaved = 0;
  const best = { verified: 0, unknown: 0, risky: 0 };
  const flush = () => {
    if (pending.length === 0) return;
    emailsSaved += saveEnrichments(db, pending, clock, jobId);
    for (const r of pending) if (r.emails[0]) best[r.emails[0].status]++;
    pending = [];
  };

  const run = await enrichContacts(contacts, deps, {
    ...(ctx.signal ? { signal: ctx.signal } : {}),
    search: {
      type: 'personal',
      seniority: settings.seniority,
      department: settings.departments.length ? settings.departments : null,
    },
    useEmailFinder: settings.useEmailFinder,
    timeZone: readQuotaConfig(db).timeZone,
    verifyGuessesPerDomain: settings.verifyGuessesPerDomain,
    maxGuesses: settings.maxGuesses,
    guessDomains: settings.guessDomains,
    onProgress: ({ done, total, result }) => {
      pending.push(result);
      if (pending.length >= SAVE_BATCH) flush();
      ctx.progress(done, total);
    },
  });
  flush();
  if (run.summary.cancelled) budget.releaseUnanswered();

  const s = run.summary;
  const report: EnrichReport = {
    contacts: contacts.length,
    withEmail: s.withEmail,
    emailsSaved,
    best,
    domains: s.domains,
    domainSearches: s.domainSearches,
    cachedSearches: s.cachedSearches,
    finderCalls: s.finderCalls,
    verifierCalls: s.verifierCalls,
    creditsRefused: s.creditsRefused,
    patternsLearned: s.patternsLearned,
    noHunterKey: deps.hunter === null,
    hunterStopped: s.hunterStopped,
    creditsLeft: { search: ledger.remaining('search'), verification: ledger.remaining('verification') },
    cancelled: s.cancelled,
    seconds: (performance.now() - started) / 1000,
  };
  recordAudit(db, { actor: 'system', action: 'enrich.run', details: { ...report, request, jobId } }, clock);
  return report;
}
