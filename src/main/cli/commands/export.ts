import { formatBytes, formatCount } from '@shared/domain/format';
import { EXPORT_TARGETS, TARGET_LABELS, type ExportScope, type ExportTarget } from '@shared/domain/export';
import type { Tier } from '@shared/domain/settings/scoring';
import { systemClock } from '../../core/clock';
import { runExport } from '../../core/export/runExport';
import { closeClientFor, syncToClose } from '../../core/export/close/closeSync';
import { filterNamed } from '../../core/records/savedFilters';
import { DEFAULT_KEYCHAIN_SERVICE, SecretStore } from '../../core/secrets/secretStore';
import type { CliCommand, CliRun } from '../command';
import { UsageError } from '../io';

const TIERS: Tier[] = ['HOT', 'WARM', 'COLD'];

/** `--scope approved|all`, `--tier HOT` (repeatable), or `--filter NAME`; approved leads by default. */
function scopeOf({ db, options }: CliRun): ExportScope {
  const filter = options.filter as string | undefined;
  const scope = (options.scope as string | undefined) ?? 'approved';
  const tiers = ((options.tier as string[] | undefined) ?? []).map((t) => t.toUpperCase() as Tier);
  for (const tier of tiers)
    if (!TIERS.includes(tier)) throw new UsageError(`--tier must be HOT, WARM or COLD, not “${tier}”.`);
  if (filter) {
    if (tiers.length || options.scope)
      throw new UsageError('--filter takes the place of --scope and --tier.');
    return { kind: 'filter', filterId: filterNamed(db, filter).id };
  }
  if (scope !== 'approved' && scope !== 'all')
    throw new UsageError(`--scope must be approved or all, not “${scope}”.`);
  return tiers.length ? { kind: scope, tiers } : { kind: scope };
}

const SCOPE_OPTIONS = {
  scope: { type: 'string' },
  tier: { type: 'string', multiple: true },
  filter: { type: 'string' },
} as const;

export const exportCommand: CliCommand = {
  name: 'export',
  usage:
    'export --format close|hubspot|salesforce|generic --out FILE [--scope approved|all] [--tier HOT] [--filter NAME] [--since-last] [--bom] [--json]',
  summary: 'write a CRM import file (approved leads by default; suppressed people never)',
  options: {
    format: { type: 'string' },
    out: { type: 'string' },
    'since-last': { type: 'boolean' },
    bom: { type: 'boolean' },
    ...SCOPE_OPTIONS,
  },
  run(run) {
    const { db, io, json, options } = run;
    const format = options.format as string | undefined;
    const out = options.out as string | undefined;
    if (!format || !EXPORT_TARGETS.includes(format as ExportTarget))
      throw new UsageError(`export needs --format ${EXPORT_TARGETS.join('|')}.`);
    if (!out) throw new UsageError('export needs --out FILE.');
    const target = format as ExportTarget;
    let shown = 0;
    const report = runExport(
      {
        db,
        clock: systemClock,
        progress(done) {
          const now = performance.now();
          if (now - shown < 100) return;
          shown = now;
          io.progress(`${formatCount(done)} rows`);
        },
        throwIfCancelled: () => undefined,
      },
      {
        target,
        scope: scopeOf(run),
        sinceLast: options['since-last'] === true,
        bom: options.bom === true,
        path: out,
      },
    );
    io.progress('');
    if (json) {
      io.out(JSON.stringify({ ...report, seconds: Number(report.seconds.toFixed(3)) }));
      return;
    }
    if (!report.written) {
      io.out(
        `Nothing new or changed since the last export to ${TARGET_LABELS[target]} (${formatCount(report.unchanged)} unchanged); no file written.`,
      );
      return;
    }
    io.out(
      `Wrote ${formatCount(report.rows)} rows for ${TARGET_LABELS[target]} to ${report.path} (${formatBytes(report.bytes)}, ${report.seconds.toFixed(2)} s).`,
    );
    if (report.unchanged)
      io.out(`  ${formatCount(report.unchanged)} unchanged since the last export, left out`);
    if (report.suppressed) io.out(`  ${formatCount(report.suppressed)} on the do-not-contact list, left out`);
    io.out(`  sha256 ${report.sha256}`);
  },
};

export const closeSyncCommand: CliCommand = {
  name: 'close-sync',
  usage: 'close-sync [--scope approved|all] [--tier HOT] [--filter NAME] [--json]',
  summary: 'send leads to Close through its API (key from the keychain); resumes where it stopped',
  options: SCOPE_OPTIONS,
  async run(run) {
    const { db, io, json } = run;
    const scope = scopeOf(run);
    // PROSPECT_DESK_KEYCHAIN_SERVICE picks another keychain entry (tests use a throwaway one).
    const keychain = new SecretStore(process.env.PROSPECT_DESK_KEYCHAIN_SERVICE || DEFAULT_KEYCHAIN_SERVICE);
    const client = closeClientFor(db, await keychain.read('close'));
    // Ctrl-C stops between two requests; what was sent is recorded and the next run resumes.
    const abort = new AbortController();
    const stop = () => abort.abort();
    process.once('SIGINT', stop);
    try {
      const report = await syncToClose(
        {
          db,
          clock: systemClock,
          client,
          signal: abort.signal,
          throwIfCancelled: () => abort.signal.throwIfAborted(),
          progress: (done, total) =>
            io.progress(`${formatCount(done)} of ${formatCount(total ?? 0)} companies`),
        },
        scope,
      );
      io.progress('');
      if (json) {
        io.out(JSON.stringify({ ...report, seconds: Number(report.seconds.toFixed(3)) }));
        return;
      }
      io.out(`Synced ${formatCount(report.companies)} companies to Close in ${report.seconds.toFixed(1)} s.`);
      io.out(
        `  leads     ${formatCount(report.leadsCreated)} created, ${formatCount(report.leadsUpdated)} updated`,
      );
      io.out(
        `  contacts  ${formatCount(report.contactsCreated)} created, ${formatCount(report.contactsUpdated)} updated, ${formatCount(report.contactsSkipped)} already there, ${formatCount(report.unchanged)} unchanged`,
      );
      for (const r of report.toReview)
        io.out(`  ? ${r.companyName} may be Close's “${r.leadName}” (${r.score}); left for you to check`);
      for (const f of report.failed) io.out(`  ! ${f.companyName}: ${f.message}`);
    } finally {
      process.off('SIGINT', stop);
    }
  },
};
