import { useState } from 'react';
import type { MarkStatus, QueueItem, Responses } from '@shared/domain/outreach';
import { KIND_LABELS } from '@shared/domain/outreach';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';
import { api, unwrap } from '../../api';

function Row({
  item,
  actions,
  onMark,
}: {
  item: QueueItem;
  actions: [MarkStatus, string][];
  onMark(item: QueueItem, status: MarkStatus): void;
}) {
  return (
    <li className="response" data-testid="response-row" data-item-id={item.id}>
      <div>
        <strong>{item.name}</strong>{' '}
        <span className="muted">{[item.title, item.company].filter(Boolean).join(' · ')}</span>
        <div className="muted">
          {KIND_LABELS[item.kind].one} {item.status} · sent {item.sentAt?.slice(0, 10)}
        </div>
      </div>
      <div className="response__actions">
        {actions.map(([status, label]) => (
          <button
            key={status}
            type="button"
            className="button button--small"
            data-testid={`respond-${status}`}
            onClick={() => onMark(item, status)}
          >
            {label}
          </button>
        ))}
      </div>
    </li>
  );
}

/** Sent items waiting for an answer, and invites pending long enough to withdraw. */
export function ResponsesTab() {
  const version = useDataVersion();
  const [error, setError] = useState<string | null>(null);
  const { value } = useLoaded<Responses>(`responses:${version}`, () => unwrap(api().outreach.responses()));
  const mark = (item: QueueItem, status: MarkStatus) =>
    void unwrap(api().outreach.mark({ id: item.id, status })).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  if (!value) return null;
  return (
    <div className="responses" data-testid="responses">
      {error && <p className="field-error">{error}</p>}
      <section>
        <h3>Invites pending more than {value.withdrawAfterDays} days: withdraw them on LinkedIn</h3>
        {value.withdraw.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="response-list">
            {value.withdraw.map((item) => (
              <Row key={item.id} item={item} actions={[['withdrawn', 'Withdrawn']]} onMark={mark} />
            ))}
          </ul>
        )}
      </section>
      <section>
        <h3>Waiting for an answer</h3>
        {value.awaiting.length === 0 ? (
          <p className="muted">Nothing sent yet.</p>
        ) : (
          <ul className="response-list">
            {value.awaiting.map((item) => (
              <Row
                key={item.id}
                item={item}
                onMark={mark}
                actions={[
                  ...(item.kind === 'invite' && item.status === 'sent'
                    ? ([['accepted', 'Accepted']] as [MarkStatus, string][])
                    : []),
                  ['replied', 'Replied'],
                  ['no_response', 'No response'],
                ]}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
