import { useShortcuts } from '../hooks/useShortcuts';
import { useEffect, useState } from 'react';
import { formatCount } from '@shared/domain/format';
import type { ReviewDecision } from '@shared/domain/resolution';
import { Page } from '../components/Page';
import { EmptyState } from '../components/EmptyState';
import { useReview } from '../stores/reviewStore';
import { PairView } from './review/PairView';
import { api } from '../api';

const KEYS: Record<string, ReviewDecision | 'undo'> = { m: 'merge', d: 'different', s: 'skip', u: 'undo' };

function BulkAccept() {
  const acceptAbove = useReview((s) => s.acceptAbove);
  const [score, setScore] = useState(85);
  const [done, setDone] = useState<number | null>(null);
  return (
    <div className="bulk" data-testid="bulk-accept">
      <label className="field field--inline">
        <span>Merge every pair scoring at least</span>
        <input
          type="number"
          min={0}
          max={100}
          value={score}
          onChange={(e) => setScore(Number(e.target.value))}
          data-testid="bulk-score"
        />
      </label>
      <button
        type="button"
        className="button"
        data-testid="bulk-go"
        onClick={() => void acceptAbove(score).then(setDone)}
      >
        Merge them
      </button>
      {done !== null && <span className="muted">{formatCount(done)} merged</span>}
    </div>
  );
}

/**
 * The review queue: pairs that might be one company or person, one at a time, decided with the
 * keyboard — M merge, D different, S skip, U undo the last decision.
 */
export function ReviewPage() {
  const {
    status,
    pairs,
    pending,
    skipped,
    error,
    history,
    lastRun,
    running,
    load,
    decide,
    undo,
    findDuplicates,
  } = useReview();
  useEffect(() => {
    void load();
    return api().on('data.changed', () => void load());
  }, [load]);
  const current = pairs[0] ?? null;
  useShortcuts((event) => {
    const action = KEYS[event.key.toLowerCase()];
    if (!action) return false;
    if (action === 'undo') void undo();
    else if (current) void decide(current, action);
    return true;
  });

  return (
    <Page
      id="review"
      title="Review"
      actions={
        <button
          type="button"
          className="button"
          data-testid="find-duplicates"
          disabled={running}
          onClick={() => void findDuplicates()}
        >
          {running ? 'Finding duplicates…' : 'Find duplicates'}
        </button>
      }
    >
      <div className="review-tabs">
        <button
          type="button"
          className={status === 'pending' ? 'tab tab--active' : 'tab'}
          onClick={() => void load('pending')}
        >
          Waiting <span data-testid="pending-count">{formatCount(pending)}</span>
        </button>
        <button
          type="button"
          className={status === 'skipped' ? 'tab tab--active' : 'tab'}
          onClick={() => void load('skipped')}
        >
          Skipped {formatCount(skipped)}
        </button>
        {lastRun && (
          <span className="muted" data-testid="last-run">
            Last run: {formatCount(lastRun.companies.merged + lastRun.contacts.merged)} merged,{' '}
            {formatCount(lastRun.companies.sentToReview + lastRun.contacts.sentToReview)} sent here, in{' '}
            {lastRun.seconds.toFixed(1)} s.
          </span>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="review-error">
          {error}
        </p>
      )}
      {current ? (
        <>
          <p className="muted">
            {current.kind === 'company' ? 'Companies' : 'People'} · {formatCount(pairs.length)}{' '}
            {status === 'pending' ? 'waiting' : 'skipped'} · Are these the same?
          </p>
          <PairView pair={current} />
          <div className="review-actions">
            <button
              type="button"
              className="button button--primary"
              data-testid="decide-merge"
              onClick={() => void decide(current, 'merge')}
            >
              <kbd>M</kbd> Same — merge
            </button>
            <button
              type="button"
              className="button"
              data-testid="decide-different"
              onClick={() => void decide(current, 'different')}
            >
              <kbd>D</kbd> Different
            </button>
            <button
              type="button"
              className="button"
              data-testid="decide-skip"
              onClick={() => void decide(current, 'skip')}
            >
              <kbd>S</kbd> Skip for now
            </button>
            <button
              type="button"
              className="button"
              data-testid="decide-undo"
              disabled={history.length === 0}
              onClick={() => void undo()}
            >
              <kbd>U</kbd> Undo last
            </button>
          </div>
          {status === 'pending' && <BulkAccept />}
        </>
      ) : (
        <EmptyState
          title="Nothing to review"
          action={{ label: 'Go to Import', page: 'import' }}
          testId="review-empty"
        >
          <p>
            When two records might be the same company or person but Prospect Desk is not sure, the pair waits
            here for your decision, side by side. Sure matches merge by themselves (and can be undone); pairs
            appear after you import lists that overlap, or when you press Find duplicates.
          </p>
          {history.length > 0 && (
            <button type="button" className="button" onClick={() => void undo()}>
              Undo the last decision
            </button>
          )}
        </EmptyState>
      )}
    </Page>
  );
}
