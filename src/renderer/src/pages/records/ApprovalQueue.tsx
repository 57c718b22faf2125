import { useShortcuts } from '../../hooks/useShortcuts';
import { useCallback, useState } from 'react';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';
import type { ContactDetail, ContactFilter, ContactRowView } from '@shared/domain/records';
import type { Tier } from '@shared/domain/settings/scoring';
import { formatCount } from '@shared/domain/format';
import { api, unwrap } from '../../api';
import { ContactFilters } from './ContactFilters';
import { VirtualTable } from './VirtualTable';
import { useRecordPages } from './useRecordPages';
import { CONTACT_COLUMNS } from './ContactsTable';
import { TierBadge } from './TierBadge';

const QUEUE_TIERS: Tier[] = ['HOT', 'WARM'];
const QUEUE_COLUMNS = CONTACT_COLUMNS.filter((c) =>
  ['tier', 'name', 'title', 'company', 'email', 'status'].includes(c.id),
);

/**
 * The queue as a filter: HOT and WARM leads never decided or changed since, within the seller's
 * filter, leaving out people on the do-not-contact list (as the core's QUEUE_FILTER).
 */
function queueFilter(filter: ContactFilter): ContactFilter {
  const tiers = filter.tiers?.length ? filter.tiers.filter((t) => QUEUE_TIERS.includes(t)) : QUEUE_TIERS;
  return { ...filter, tiers, statuses: ['new', 'changed'], suppressed: false };
}

function EditForm({ detail, onDone }: { detail: ContactDetail; onDone(saved: boolean): void }) {
  const c = detail.contact;
  const [values, setValues] = useState({
    fullName: c.fullName,
    title: c.title ?? '',
    email: c.email ?? '',
    linkedinUrl: c.linkedinUrl ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await unwrap(
        api().records.updateContact({
          id: c.id,
          changes: {
            fullName: values.fullName,
            title: values.title || null,
            email: values.email || null,
            linkedinUrl: values.linkedinUrl || null,
          },
        }),
      );
      onDone(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form
      className="edit-form"
      data-testid="edit-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone(false);
      }}
    >
      {(['fullName', 'title', 'email', 'linkedinUrl'] as const).map((field, i) => (
        <label key={field} className="field">
          <span>
            {{ fullName: 'Name', title: 'Title', email: 'Email', linkedinUrl: 'LinkedIn URL' }[field]}
          </span>
          <input
            autoFocus={i === 1}
            value={values[field]}
            onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            data-testid={`edit-${field}`}
          />
        </label>
      ))}
      {error && <p className="field-error">{error}</p>}
      <button type="submit" className="button button--primary button--small">
        Save
      </button>{' '}
      <button type="button" className="button button--small" onClick={() => onDone(false)}>
        Cancel
      </button>
    </form>
  );
}

/**
 * The approval queue, keyboard first: J/K move, A approves, R rejects with a reason, E edits the
 * lead. Bulk approval takes every lead the filter shows.
 */
export function ApprovalQueue() {
  const [filter, setFilter] = useState<ContactFilter>({});
  const [index, setIndex] = useState(0);
  const [mode, setMode] = useState<'browse' | 'reject' | 'edit'>('browse');
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      api().records.contacts({
        filter: queueFilter(filter),
        sort: 'score',
        direction: 'desc',
        offset,
        limit,
      }),
    [filter],
  );
  const { total, row } = useRecordPages<ContactRowView>(JSON.stringify(queueFilter(filter)), fetchPage);
  const count = total ?? 0;
  const safeIndex = Math.min(index, Math.max(0, count - 1));
  const current = count > 0 ? row(safeIndex) : undefined;

  const dataVersion = useDataVersion();
  const { value: detail } = useLoaded(
    current ? `${current.id}:${dataVersion}` : null,
    () => (current ? unwrap(api().records.contact({ id: current.id })) : null),
    // The same lead refreshed by a data change stays on screen while it reloads.
    current ? String(current.id) : undefined,
  );

  const decide = useCallback(
    async (decision: 'approved' | 'rejected', why?: string) => {
      if (!current) return;
      const result = await api().approvals.decide({ ids: [current.id], decision, reason: why });
      setMessage(result.ok ? `${current.fullName} ${decision}.` : result.error.message);
      setMode('browse');
      setReason('');
    },
    [current],
  );

  useShortcuts((event) => {
    if (mode !== 'browse') return false;
    const key = event.key.toLowerCase();
    if (key === 'j') setIndex((i) => Math.min(i + 1, Math.max(0, count - 1)));
    else if (key === 'k') setIndex((i) => Math.max(0, i - 1));
    else if (key === 'a') void decide('approved');
    else if (key === 'r' && current) setMode('reject');
    else if (key === 'e' && current) setMode('edit');
    else return false;
    return true;
  });

  const approveAll = async () => {
    const result = await unwrap(api().approvals.approveFilter({ filter }));
    setMessage(`${formatCount(result.decided)} leads approved.`);
  };

  return (
    <div className="records" data-testid="approval-queue">
      <ContactFilters filter={filter} onChange={setFilter} tiers={QUEUE_TIERS} statuses={false} />
      <div className="queue-bar">
        <span data-testid="queue-count">{formatCount(count)} waiting</span>
        <span className="muted">
          <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>A</kbd> approve · <kbd>R</kbd> reject · <kbd>E</kbd> edit
        </span>
        <button
          type="button"
          className="button button--small"
          disabled={count === 0}
          onClick={() => void approveAll()}
          data-testid="approve-all"
        >
          Approve all {formatCount(count)} shown
        </button>
        {message && (
          <span className="muted" role="status" data-testid="queue-message">
            {message}
          </span>
        )}
      </div>
      <div className="records__body">
        <VirtualTable
          columns={QUEUE_COLUMNS}
          total={count}
          row={row}
          rowKey={(r) => r.id}
          selected={current?.id ?? null}
          onSelect={(_r, i) => setIndex(i)}
          activeIndex={safeIndex}
          testId="queue-table"
        />
        {current && (
          <aside className="drawer" data-testid="queue-current" data-id={current.id}>
            <h2>{current.fullName}</h2>
            <p className="muted">
              {current.title ?? 'No title'} · {current.companyName ?? 'no company'}{' '}
              <TierBadge tier={current.tier} score={current.score} />
            </p>
            {current.status === 'changed' && (
              <p className="notice notice--warning">Changed since you last decided on this lead.</p>
            )}
            {detail?.score && (
              <ul className="breakdown" data-testid="score-breakdown">
                {detail.score.factors.map((f) => (
                  <li key={f.factor}>{f.sentence}</li>
                ))}
              </ul>
            )}
            {mode === 'reject' && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  if (reason.trim()) void decide('rejected', reason.trim());
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') setMode('browse');
                }}
              >
                <label className="field">
                  <span>Why reject?</span>
                  <input
                    autoFocus
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    data-testid="reject-reason"
                  />
                </label>
                <button
                  type="submit"
                  className="button button--small button--danger"
                  disabled={!reason.trim()}
                >
                  Reject
                </button>
              </form>
            )}
            {mode === 'edit' && detail && (
              <EditForm
                detail={detail}
                onDone={(saved) => {
                  setMode('browse');
                  if (saved) setMessage('Saved; the lead was scored again.');
                }}
              />
            )}
            {mode === 'browse' && (
              <div className="review-actions">
                <button
                  type="button"
                  className="button button--primary"
                  onClick={() => void decide('approved')}
                  data-testid="approve"
                >
                  <kbd>A</kbd> Approve
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => setMode('reject')}
                  data-testid="reject"
                >
                  <kbd>R</kbd> Reject
                </button>
                <button type="button" className="button" onClick={() => setMode('edit')} data-testid="edit">
                  <kbd>E</kbd> Edit
                </button>
              </div>
            )}
          </aside>
        )}
      </div>
    </div>
  );
}
