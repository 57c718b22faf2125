import { useState } from 'react';
import type { HunterCreditsSync } from '@shared/domain/enrich';
import { api, unwrap } from '../../api';

/**
 * "Sync Hunter credits": Hunter's own count of the month into the quota ledger (the account call
 * is free), so credits spent on hunter.io itself count against the budget too.
 */
export function SyncCreditsButton() {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<HunterCreditsSync | null>(null);
  const [error, setError] = useState<string | null>(null);
  const sync = () => {
    setBusy(true);
    setError(null);
    unwrap(api().enrich.syncCredits())
      .then(setResult, (e: Error) => setError(e.message))
      .finally(() => setBusy(false));
  };
  return (
    <div className="actions sync-credits" data-testid="sync-credits">
      <button
        type="button"
        className="button"
        disabled={busy}
        onClick={sync}
        data-testid="sync-credits-start"
      >
        {busy ? 'Asking Hunter…' : 'Sync Hunter credits'}
      </button>
      {result && (
        <span className="muted" role="status" data-testid="sync-credits-result">
          Hunter{result.plan ? ` (${result.plan})` : ''}: {result.searches.used} of{' '}
          {result.searches.available} searches and {result.verifications.used} of{' '}
          {result.verifications.available} verifications used this month; {result.creditsLeft.search} searches
          left in your budget.
        </span>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
