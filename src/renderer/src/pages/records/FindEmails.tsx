import { useState } from 'react';
import { formatCount } from '@shared/domain/format';
import type { EnrichReport } from '@shared/domain/enrich';
import type { ContactFilter } from '@shared/domain/records';
import { api, unwrap } from '../../api';
import { useJob } from '../../hooks/useJob';

/** One line about a finished run: what was found, what Hunter was asked, what is left. */
function summary(r: EnrichReport): string {
  if (r.contacts === 0) return 'Everyone here already has an email.';
  const parts = [`${formatCount(r.withEmail)} of ${formatCount(r.contacts)} now have a verified email`];
  // Guesses are worth trying, but not an email known: a later run (with Hunter) tries them again.
  const guessed = r.best.unknown + r.best.risky;
  if (guessed > 0)
    parts.push(
      `${formatCount(guessed)} have guesses only (${r.best.unknown} unknown, ${r.best.risky} risky), tried again next run`,
    );
  if (r.noHunterKey) parts.push('no Hunter key saved, so addresses were guessed from patterns only');
  else
    parts.push(
      `${r.domainSearches} Hunter searches, ${r.cachedSearches} from this month’s cache; ${r.creditsLeft.search} searches left this month`,
    );
  if (r.hunterStopped) parts.push(`Hunter stopped: ${r.hunterStopped.message}`);
  return `${parts.join('; ')}.`;
}

/**
 * "Find emails": starts the enrichment job for the given contacts (or the filter's), of which
 * only those without an email of their own or a verified one are worked on, best score first. Progress and Cancel are also in the
 * status bar; a cancelled run keeps what it stored.
 */
export function FindEmails({
  filter,
  contactIds,
  label = 'Find emails',
}: {
  filter?: ContactFilter;
  contactIds?: number[];
  label?: string;
}) {
  const [jobId, setJobId] = useState<number | null>(null);
  const [report, setReport] = useState<EnrichReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId, (ended) => {
    if (ended.status === 'done') setReport(ended.result as EnrichReport);
    else
      setError(
        ended.status === 'failed'
          ? ended.error
          : 'Stopped. The emails found so far are kept; run it again to go on.',
      );
    setJobId(null);
  });
  const start = () => {
    setReport(null);
    setError(null);
    unwrap(api().enrich.run(contactIds ? { contactIds } : { filter: filter ?? {} })).then(
      (started) => setJobId(started.id),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <div className="find-emails" data-testid="find-emails">
      <button
        type="button"
        className="button"
        disabled={jobId !== null}
        onClick={start}
        data-testid="find-emails-start"
      >
        {jobId === null
          ? label
          : `Finding emails…${job ? ` ${formatCount(job.done)} of ${formatCount(job.total ?? 0)}` : ''}`}
      </button>
      {report && (
        <span className="muted find-emails__report" data-testid="find-emails-report">
          {summary(report)}
        </span>
      )}
      {error && (
        <span className="field-error" role="alert" data-testid="find-emails-error">
          {error}
        </span>
      )}
    </div>
  );
}
