import { useState } from 'react';
import type { ProfileReadReport } from '@shared/domain/linkedin';
import { api, unwrap } from '../../api';

const DEGREE = { 1: '1st', 2: '2nd', 3: '3rd' } as const;

/** What the read found, in one or two lines. */
function summary(r: ProfileReadReport): string {
  const parts = [
    r.currentTitle
      ? `Now ${r.currentTitle}${r.currentCompany ? ` at ${r.currentCompany}` : ''}`
      : 'No current position shown',
    r.degree ? `${DEGREE[r.degree]} degree` : null,
    r.mutualConnections > 0
      ? `${r.mutualConnections} mutual connection${r.mutualConnections === 1 ? '' : 's'}${
          r.mutualNames.length ? ` (${r.mutualNames.join(', ')})` : ''
        }`
      : null,
  ].filter(Boolean);
  const changed = r.changed.length
    ? ` Updated: ${r.changed.map((c) => (c === 'connection_degree' ? 'connection degree' : c)).join(', ')}.`
    : ' Nothing to update.';
  return `${parts.join(' · ')}.${changed}`;
}

/**
 * "Read their LinkedIn profile": the browser session reads the profile (one profile view, within
 * its cap) and brings the title and connection degree up to date. Needs the LinkedIn browser open
 * and signed in (Discover); otherwise the core's message says so.
 */
export function ReadProfile({ contactId }: { contactId: number }) {
  const [report, setReport] = useState<ProfileReadReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const read = async () => {
    setError(null);
    setReport(null);
    setBusy(true);
    try {
      setReport(await unwrap(api().linkedin.readProfile({ contactId })));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="read-profile">
      <button
        type="button"
        className="button button--small"
        disabled={busy}
        onClick={() => void read()}
        data-testid="read-profile"
      >
        {busy ? 'Reading the profile…' : 'Read their LinkedIn profile'}
      </button>
      {report && (
        <p className="muted" role="status" data-testid="read-profile-report">
          {report.headline ? `“${report.headline}”. ` : ''}
          {summary(report)}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="read-profile-error">
          {error}
        </p>
      )}
    </div>
  );
}
