import { useEffect, useState } from 'react';
import { formatCount, secretHint } from '@shared/domain/format';
import type { CloseAccountInfo, CloseSyncReport } from '@shared/domain/export';
import type { SecretStatus } from '@shared/domain/secrets';
import { api, unwrap } from '../../api';
import { useNav } from '../../stores/navStore';
import { scopeOf, useExport } from '../../stores/exportStore';
import { useJob } from '../../hooks/useJob';

/**
 * Sends the chosen leads straight to Close with the key from the keychain. Each person is checked
 * against Close first, so nothing is created twice; a stopped sync resumes.
 */
export function CloseSyncCard() {
  const go = useNav((s) => s.go);
  // Primitives from the store (a selector that builds an object would give a new one every time).
  const scopeChoice = useExport((s) => s.scopeChoice);
  const tier = useExport((s) => s.tier);
  const filterId = useExport((s) => s.filterId);
  const scope = scopeOf({ scopeChoice, tier, filterId });
  const [key, setKey] = useState<SecretStatus | null>(null);
  const [account, setAccount] = useState<CloseAccountInfo | null>(null);
  const [jobId, setJobId] = useState<number | null>(null);
  const [report, setReport] = useState<CloseSyncReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(api().secrets.status()).then(
      (all) => setKey(all.find((s) => s.name === 'close') ?? null),
      (e: Error) => setError(e.message),
    );
  }, []);
  const job = useJob(jobId, (ended) => {
    if (ended.status === 'done') setReport(ended.result as CloseSyncReport);
    else
      setError(
        ended.status === 'failed'
          ? ended.error
          : 'The sync was stopped; run it again to go on where it stopped.',
      );
    setJobId(null);
  });
  const check = () =>
    unwrap(api().exports.closeAccount()).then(
      (info) => (setAccount(info), setError(null)),
      (e: Error) => setError(e.message),
    );
  const sync = () => {
    if (!scope) return;
    setReport(null);
    unwrap(api().exports.closeSync({ scope })).then(
      (started) => (setJobId(started.id), setError(null)),
      (e: Error) => setError(e.message),
    );
  };
  return (
    <section className="card" data-testid="close-sync">
      <h3>Send to Close through its API</h3>
      {!key && !error && <p className="muted">Checking the keychain…</p>}
      {!key ? null : !key.saved ? (
        <p className="muted">
          Save your Close API key in{' '}
          <button type="button" className="link-button" onClick={() => go('settings')}>
            Settings
          </button>{' '}
          to send leads straight to Close. The file above works without it.
        </p>
      ) : (
        <>
          <p className="muted">
            Close API key {secretHint(key.last4 ?? '')}. Each person is checked against Close first (email,
            LinkedIn profile, then the company), so nothing is created twice.
          </p>
          {account && (
            <p data-testid="close-account">
              Connected to <strong>{account.organization ?? 'Close'}</strong>
              {account.user ? ` as ${account.user}` : ''}.
            </p>
          )}
          <div className="export-actions">
            <button type="button" className="button" data-testid="close-check" onClick={() => void check()}>
              Check the connection
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={jobId !== null || !scope}
              data-testid="close-sync-start"
              onClick={sync}
            >
              {jobId === null
                ? 'Sync these leads to Close'
                : `Syncing…${job ? ` ${formatCount(job.done)} of ${formatCount(job.total ?? 0)} companies` : ''}`}
            </button>
          </div>
        </>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="close-sync-error">
          {error}
        </p>
      )}
      {report && (
        <div data-testid="close-sync-report">
          <p>
            {formatCount(report.companies)} companies: {formatCount(report.leadsCreated)} leads created,{' '}
            {formatCount(report.leadsUpdated)} updated; {formatCount(report.contactsCreated)} contacts
            created, {formatCount(report.contactsUpdated)} updated, {formatCount(report.contactsSkipped)}{' '}
            already in Close, {formatCount(report.unchanged)} unchanged.
          </p>
          {report.toReview.length > 0 && (
            <ul>
              {report.toReview.map((r) => (
                <li key={r.companyId}>
                  {r.companyName} may be Close’s “{r.leadName}” ({Math.round(r.score)}): left for you to check
                  in Close.
                </li>
              ))}
            </ul>
          )}
          {report.failed.map((f) => (
            <p key={f.companyId} className="field-error">
              {f.companyName}: {f.message}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
