import { useState } from 'react';
import type { QueueItem } from '@shared/domain/outreach';
import { MESSAGE_LIMITS, messageLength, messageProblem, unfilledProblem } from '@shared/domain/templates';
import { api, unwrap } from '../../api';

export interface Draft {
  subject: string | null;
  body: string;
}

/** The message as the seller has it now: their unsaved draft, else the item's. */
export function currentText(item: QueueItem, draft: Draft | undefined): Draft {
  return draft ?? { subject: item.subject, body: item.body };
}

/** Why the text cannot go out as it is, checked as the seller types (the core checks again). */
export function draftProblem(item: QueueItem, draft: Draft | undefined): string | null {
  if (!draft) return item.problem;
  return messageProblem(item.kind, draft.subject, draft.body) ?? unfilledProblem(draft.subject, draft.body);
}

/** Saves a changed draft; refuses (and says why) one that breaks a limit. True when nothing is left unsaved. */
export async function saveDraft(item: QueueItem, draft: Draft | undefined): Promise<string | null> {
  if (!draft || (draft.body === item.body && draft.subject === item.subject)) return null;
  const problem = messageProblem(item.kind, draft.subject, draft.body);
  if (problem) return problem;
  await unwrap(api().outreach.editMessage({ id: item.id, message: draft }));
  return null;
}

function Counter({ length, max }: { length: number; max: number }) {
  return (
    <span
      className={
        length > max ? 'counter counter--over' : length > max * 0.9 ? 'counter counter--near' : 'counter'
      }
      data-testid="char-count"
    >
      {length} / {max}
    </span>
  );
}

/**
 * The message for one person, editable: an invite note with its live count against LinkedIn's 300
 * characters, or an InMail or email with its subject. Escape leaves the editor for the keys.
 */
export function MessageEditor({
  item,
  draft,
  onDraft,
  onBlur,
}: {
  item: QueueItem;
  draft: Draft | undefined;
  onDraft(draft: Draft | undefined): void;
  onBlur(): void;
}) {
  const text = currentText(item, draft);
  const limits = MESSAGE_LIMITS[item.kind];
  const [focused, setFocused] = useState(false);
  const leave = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') (e.target as HTMLElement).blur();
  };
  return (
    <div className={focused ? 'message message--editing' : 'message'} data-testid="message">
      {limits.subject !== undefined && (
        <label className="field">
          <span>
            Subject <Counter length={messageLength(text.subject ?? '')} max={limits.subject} />
          </span>
          <input
            value={text.subject ?? ''}
            data-testid="message-subject"
            onChange={(e) => onDraft({ ...text, subject: e.target.value })}
            onKeyDown={leave}
            onFocus={() => setFocused(true)}
            onBlur={() => {
              setFocused(false);
              onBlur();
            }}
          />
        </label>
      )}
      <label className="field">
        <span>
          {item.kind === 'invite' ? 'Invitation note' : 'Message'}{' '}
          <Counter length={messageLength(text.body)} max={limits.body} />
          {item.edited && !draft && <span className="muted"> · your own words</span>}
          {!item.edited && item.templateName && <span className="muted"> · from “{item.templateName}”</span>}
        </span>
        <textarea
          value={text.body}
          rows={item.kind === 'invite' ? 5 : 10}
          data-testid="message-body"
          aria-label="Message"
          onChange={(e) => onDraft({ ...text, body: e.target.value })}
          onKeyDown={leave}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            onBlur();
          }}
        />
      </label>
      {item.missing.length > 0 && !item.edited && (
        <p className="muted" data-testid="missing">
          Not known for {item.name.split(' ')[0]}: {item.missing.join(', ').replace(/_/g, ' ')} — the
          template’s fallback is used.
        </p>
      )}
    </div>
  );
}
