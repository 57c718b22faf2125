import { formatCount } from '@shared/domain/format';
import { systemClock } from '../../core/clock';
import { runEnrichment } from '../../core/enrich/job/runEnrichment';
import { syncHunterCreditsNow } from '../../core/enrich/job/syncCredits';
import { filterNamed } from '../../core/records/savedFilters';
import { DEFAULT_KEYCHAIN_SERVICE, SecretStore } from '../../core/secrets/secretStore';
import type { ContactFilter } from '@shared/domain/records';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

/** PROSPECT_DESK_KEYCHAIN_SERVICE picks another keychain entry (tests use a throwaway one). */
const hunterKey = () =>
  new SecretStore(process.env.PROSPECT_DESK_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE).read('hunter');

export const enrichCommand: CliCommand = {
  name: 'enrich',
  usage: 'enrich [--limit N] [--filter NAME] [--json]',
  summary: 'find work emails for contacts without one (Hunter key from the keychain), best first',
  options: { limit: { type: 'string' }, filter: { type: 'string' } },
  async run({ db, io, json, options }) {
    const limitText = options.limit as string | undefined;
    const limit = limitText === undefined ? undefined : Number(limitText);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1))
      throw new UsageError(`--limit must be a whole number of contacts, not “${limitText}”.`);
    const filterName = options.filter as string | undefined;
    const saved = filterName ? filterNamed(db, filterName) : null;
    if (saved && saved.kind !== 'contact')
      throw new UsageError(`“${saved.name}” is a filter of companies; enrich needs a filter of contacts.`);
    const filter = saved ? (saved.filter as ContactFilter) : undefined;
    // Ctrl-C stops the run; every batch stored so far stays, and the next run picks up the rest.
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const report = await runEnrichment(
        {
          db,
          clock: systemClock,
          apiKey: await hunterKey(),
          signal: abort.signal,
          progress: (done, total) => io.progress(`${formatCount(done)} of ${formatCount(total)} contacts`),
        },
        { ...(filter ? { filter } : {}), ...(limit ? { limit } : {}) },
      );
      io.progress('');
      if (json) {
        io.out(JSON.stringify({ ...report, seconds: Number(report.seconds.toFixed(3)) }));
        return;
      }
      io.out(
        `${report.cancelled ? 'Stopped' : 'Done'}: ${formatCount(report.withEmail)} of ${formatCount(report.contacts)} contacts now have a verified email (${report.seconds.toFixed(1)} s).`,
      );
      io.out(
        `  best address  ${report.best.verified} verified, ${report.best.unknown} unknown, ${report.best.risky} risky; ${formatCount(report.emailsSaved)} addresses stored`,
      );
      io.out(
        `  Hunter        ${report.domainSearches} domain searches, ${report.cachedSearches} from this month's cache, ${report.verifierCalls} verifications, ${report.finderCalls} finder calls`,
      );
      io.out(
        `  credits left  ${report.creditsLeft.search} searches, ${report.creditsLeft.verification} verifications this month`,
      );
      if (report.noHunterKey)
        io.out('  No Hunter key is saved: addresses were guessed from patterns and MX only.');
      if (report.hunterStopped) io.out(`  ! Hunter stopped: ${report.hunterStopped.message}`);
      if (report.creditsRefused)
        io.out(`  ${report.creditsRefused} Hunter calls were not made: the month's budget is used up.`);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};

export const hunterCreditsCommand: CliCommand = {
  name: 'hunter-credits',
  usage: 'hunter-credits [--json]',
  summary: "ask Hunter for the month's used credits and take them into the quota ledger",
  async run({ db, io, json }) {
    const sync = await syncHunterCreditsNow(db, systemClock, await hunterKey());
    if (json) {
      io.out(JSON.stringify(sync));
      return;
    }
    io.out(
      `Hunter (${sync.plan ?? 'plan unknown'}): ${sync.searches.used} of ${sync.searches.available} searches and ${sync.verifications.used} of ${sync.verifications.available} verifications used.`,
    );
    io.out(
      `  left in your budget: ${sync.creditsLeft.search} searches, ${sync.creditsLeft.verification} verifications`,
    );
  },
};
