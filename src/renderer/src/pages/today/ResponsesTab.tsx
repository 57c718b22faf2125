import { useShortcuts } from '../../hooks/useShortcuts';
import { useEffect, useRef, useState } from 'react';
import type { MarkStatus, QueueItem, Responses } from '@shared/domain/outreach';
import { KIND_LABELS } from '@shared/domain/outreach';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';
import { dayOfIso } from '@shared/time/zonedTime';
import { api, unwrap } from '../../api';

/** The answers a row offers, each with its key. */
type Answer = [status: MarkStatus, label: string, key: string];

const WITHDRAW: Answer[] = [['withdrawn', 'Withdrawn', 'w']];
const answersFor = (item: QueueItem): Answer[] => [
  ...(item.kind === 'invite' && item.status === 'sent' ? ([['accepted', 'Accepted', 'a']] as Answer[]) : []),
  ['replied', 'Replied', 'r'],
  ['no_response', 'No response', 'n'],
];

function Row({
  item,
  answers,
  selected,
  timeZone,
  onMark,
}: {
  item: QueueItem;
  answers: Answer[];
  selected: boolean;
  /** The seller's: the day sent is theirs. */
  timeZone: string;
  onMark(item: QueueItem, status: MarkStatus): void;
}) {
  const ref = useRef<HTMLLIElement>(null);
  // The row the keys moved to stays in sight, however long the list.
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li
      ref={ref}
      className={selected ? 'response response--selected' : 'response'}
      data-testid="response-row"
      data-item-id={item.id}
      aria-current={selected ? 'true' : undefined}
    >
      <div>
        <strong>{item.name}</strong>{' '}
        <span className="muted">{[item.title, item.company].filter(Boolean).join(' · ')}</span>
        <div className="muted">
          {KIND_LABELS[item.kind].one} {item.status} · sent {item.sentAt && dayOfIso(item.sentAt, timeZone)}
        </div>
      </div>
      <div className="response__actions">
        {answers.map(([status, label, key]) => (
          <button
            key={status}
            type="button"
            className="button button--small"
            data-testid={`respond-${status}`}
            onClick={() => onMark(item, status)}
          >
            <kbd>{key.toUpperCase()}</kbd> {label}
          </button>
        ))}
      </div>
    </li>
  );
}

/**
 * Sent items waiting for an answer, and invites pending long enough to withdraw. Keyboard first,
 * like the queue: J/K move, A accepted, R replied, N no response, W withdrawn.
 */
export function ResponsesTab() {
  const version = useDataVersion();
  const [error, setError] = useState<string | null>(null);
  // By row, not by item: an invite pending long is both one to withdraw and one awaiting an answer.
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const { value } = useLoaded<Responses>(`responses:${version}`, () => unwrap(api().outreach.responses()));
  const mark = (item: QueueItem, status: MarkStatus) =>
    void unwrap(api().outreach.mark({ id: item.id, status })).then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  // One list in screen order: the invites to withdraw, then those waiting for an answer.
  const rows: [string, QueueItem, Answer[]][] = value
    ? [
        ...value.withdraw.map((i): [string, QueueItem, Answer[]] => [`w${i.id}`, i, WITHDRAW]),
        ...value.awaiting.map((i): [string, QueueItem, Answer[]] => [`a${i.id}`, i, answersFor(i)]),
      ]
    : [];
  // The selection stays on its row across reloads; once that row is answered (gone), the first.
  const index = Math.max(
    0,
    rows.findIndex(([key]) => key === selectedKey),
  );
  const current = rows[index];

  useShortcuts((event) => {
    if (!current) return false;
    const key = event.key.toLowerCase();
    if (key === 'j' || event.key === 'ArrowDown' || key === 'k' || event.key === 'ArrowUp') {
      const step = key === 'j' || event.key === 'ArrowDown' ? 1 : -1;
      const next = rows[Math.min(rows.length - 1, Math.max(0, index + step))];
      if (next) setSelectedKey(next[0]);
      return true;
    }
    const answer = current[2].find(([, , k]) => k === key);
    if (!answer) return false;
    // The next row takes the selection, as the answered one leaves the list.
    const after = rows[index + 1] ?? rows[index - 1];
    setSelectedKey(after ? after[0] : null);
    mark(current[1], answer[0]);
    return true;
  });

  if (!value) return null;
  const selected = current?.[0];
  return (
    <div className="responses" data-testid="responses">
      {error && (
        <p className="field-error" data-testid="responses-error">
          {error}
        </p>
      )}
      <p className="muted keys-hint">
        <kbd>J</kbd>/<kbd>K</kbd> next and previous · <kbd>A</kbd> accepted · <kbd>R</kbd> replied ·{' '}
        <kbd>N</kbd> no response · <kbd>W</kbd> withdrawn
      </p>
      <section>
        <h3>Invites pending more than {value.withdrawAfterDays} days: withdraw them on LinkedIn</h3>
        {value.withdraw.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <ul className="response-list">
            {value.withdraw.map((item) => (
              <Row
                key={item.id}
                item={item}
                answers={WITHDRAW}
                selected={`w${item.id}` === selected}
                timeZone={value.timeZone}
                onMark={mark}
              />
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
                answers={answersFor(item)}
                selected={`a${item.id}` === selected}
                timeZone={value.timeZone}
                onMark={mark}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
