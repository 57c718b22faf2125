import { useState } from 'react';
import type { CompanySortKey } from '@shared/contract/records';
import type { CompanyFilter } from '@shared/domain/records';
import { api, unwrap } from '../../api';
import { useNav } from '../../stores/navStore';

type Sort = CompanySortKey;

/**
 * "Find ATL people at the first N": a discovery run over the Companies list as the seller has
 * filtered and sorted it (e.g. "No one found yet", by ICP), then the run on the Discover page. The
 * core takes the companies from the same query as the list, so what runs is what was on screen.
 */
export function FindPeopleInList({
  filter,
  sort,
  direction,
  total,
}: {
  filter: CompanyFilter;
  sort: Sort;
  direction: 'asc' | 'desc';
  total: number | null;
}) {
  const go = useNav((s) => s.go);
  const [limit, setLimit] = useState(50);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const count = Math.min(limit, total ?? limit);
  const start = async () => {
    setError(null);
    setBusy(true);
    try {
      await unwrap(api().discovery.start({ kind: 'filter', filter, sort, direction, limit }));
      go('discover');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="find-people-list">
      <label>
        First{' '}
        <input
          type="number"
          min={1}
          max={500}
          value={limit}
          onChange={(e) => setLimit(Math.max(1, Math.min(500, Math.floor(Number(e.target.value) || 1))))}
          data-testid="find-people-limit"
          aria-label="How many companies"
        />
      </label>
      <button
        type="button"
        className="button button--small"
        disabled={busy || total === 0}
        onClick={() => void start()}
        data-testid="find-people-list"
      >
        Find ATL people at {count === 1 ? 'this company' : `these ${count} companies`} on LinkedIn
      </button>
      {error && (
        <p className="field-error" role="alert" data-testid="find-people-list-error">
          {error}
        </p>
      )}
    </div>
  );
}
