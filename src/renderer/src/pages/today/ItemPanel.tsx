import type { QueueItem } from '@shared/domain/outreach';
import { KIND_LABELS } from '@shared/domain/outreach';
import { TierBadge } from '../records/TierBadge';
import { MessageEditor, draftProblem, type Draft } from './MessageEditor';

export type ItemAction =
  'copy' | 'copySubject' | 'copyAddress' | 'open' | 'assisted' | 'sent' | 'skipped' | 'snoozed' | 'undo';

/** One person in the queue: who, why, the message, and what to do — each with its key. */
export function ItemPanel({
  item,
  draft,
  canUndo,
  assisted = false,
  onDraft,
  onBlur,
  onAction,
}: {
  item: QueueItem;
  draft: Draft | undefined;
  canUndo: boolean;
  /** Assisted send is on and the LinkedIn browser is ready: offer "Fill in, in the browser". */
  assisted?: boolean;
  onDraft(draft: Draft | undefined): void;
  onBlur(): void;
  onAction(action: ItemAction): void;
}) {
  const problem = draftProblem(item, draft);
  const hasSubject = item.kind === 'inmail' || item.kind === 'email';
  return (
    <section className="item" data-testid="queue-item" data-item-id={item.id} data-kind={item.kind}>
      <header className="item__head">
        <div>
          <span className={`kind kind--${item.kind}`}>{KIND_LABELS[item.kind].one}</span>
          <h2 data-testid="item-name">{item.name}</h2>
          <p className="muted">
            {[item.title, item.company].filter(Boolean).join(' · ') || 'No title or company'}
          </p>
          {item.kind === 'email' && item.email && <p data-testid="item-email">{item.email}</p>}
        </div>
        <TierBadge tier={item.tier} score={item.score} />
      </header>
      <ul className="item__why" data-testid="item-why">
        {item.why.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <MessageEditor item={item} draft={draft} onDraft={onDraft} onBlur={onBlur} />
      {problem && (
        <p className="field-error" role="alert" data-testid="item-problem">
          {problem}
        </p>
      )}
      <div className="item__actions">
        {/* A message that may not be sent may not be copied either: pasted into LinkedIn it would be. */}
        <button
          type="button"
          className="button"
          data-testid="action-copy"
          disabled={problem !== null}
          onClick={() => onAction('copy')}
        >
          <kbd>C</kbd> Copy {item.kind === 'invite' ? 'note' : 'message'}
        </button>
        {hasSubject && (
          <button
            type="button"
            className="button"
            disabled={problem !== null}
            onClick={() => onAction('copySubject')}
          >
            <kbd>⇧C</kbd> Copy subject
          </button>
        )}
        {item.kind === 'email' && item.email && (
          <button type="button" className="button" onClick={() => onAction('copyAddress')}>
            Copy address
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="action-open"
          disabled={!item.linkedinUrl}
          onClick={() => onAction('open')}
        >
          <kbd>O</kbd> Open profile
        </button>
        {assisted && (item.kind === 'invite' || item.kind === 'inmail') && (
          <button
            type="button"
            className="button"
            data-testid="action-assisted"
            disabled={problem !== null || !item.linkedinUrl}
            onClick={() => onAction('assisted')}
          >
            Fill in, in the LinkedIn browser
          </button>
        )}
        <button
          type="button"
          className="button button--primary"
          data-testid="action-sent"
          disabled={problem !== null}
          onClick={() => onAction('sent')}
        >
          <kbd>S</kbd> Sent
        </button>
        <button
          type="button"
          className="button"
          data-testid="action-skip"
          onClick={() => onAction('skipped')}
        >
          <kbd>X</kbd> Skip
        </button>
        <button
          type="button"
          className="button"
          data-testid="action-snooze"
          onClick={() => onAction('snoozed')}
        >
          <kbd>Z</kbd> Snooze
        </button>
        <button type="button" className="button" disabled={!canUndo} onClick={() => onAction('undo')}>
          <kbd>U</kbd> Undo
        </button>
      </div>
      <p className="muted keys-hint">
        <kbd>J</kbd>/<kbd>K</kbd> next and previous · <kbd>E</kbd> edit the message · <kbd>Esc</kbd> back to
        the keys
      </p>
    </section>
  );
}
