import { useRef, useState } from 'react';
import { KIND_LABELS, type OutreachKind } from '@shared/domain/outreach';
import {
  MESSAGE_LIMITS,
  TEMPLATE_VARIABLES,
  messageLength,
  variablesIn,
  type Template,
  type TemplateVariable,
} from '@shared/domain/templates';
import { api, unwrap } from '../../api';
import { TemplatePreview } from './TemplatePreview';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type EditorValue = Omit<Template, 'id' | 'updatedAt'> & { id?: number };

/** One template: its text with {variables}, a fallback for each, and a live preview. */
export function TemplateEditor({
  value,
  onSaved,
  onDeleted,
}: {
  value: EditorValue;
  onSaved(template: Template): void;
  onDeleted(): void;
}) {
  const [draft, setDraft] = useState<EditorValue>(value);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const hasSubject = draft.kind === 'inmail' || draft.kind === 'email';
  const used = variablesIn(`${draft.subject ?? ''} ${draft.body}`);
  const limit = MESSAGE_LIMITS[draft.kind].body;
  const length = messageLength(draft.body);
  const tooLong = draft.kind === 'invite' && length > limit;
  const change = (patch: Partial<EditorValue>) => {
    setDraft({ ...draft, ...patch });
    setSaved(false);
  };
  const insert = (name: TemplateVariable) => {
    const area = bodyRef.current;
    const at = area?.selectionStart ?? draft.body.length;
    change({ body: `${draft.body.slice(0, at)}{${name}}${draft.body.slice(at)}` });
    area?.focus();
  };
  const save = async () => {
    try {
      const result = await unwrap(
        api().templates.save({
          ...(draft.id ? { id: draft.id } : {}),
          kind: draft.kind,
          name: draft.name,
          subject: hasSubject ? draft.subject : null,
          body: draft.body,
          fallbacks: draft.fallbacks,
          isDefault: draft.isDefault,
        }),
      );
      setError(null);
      setSaved(true);
      onSaved(result);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="template-editor" data-testid="template-editor">
      <section className="card">
        <h3>
          {draft.id
            ? `${capital(KIND_LABELS[draft.kind].one)} template`
            : `New ${KIND_LABELS[draft.kind].one} template`}
        </h3>
        <label className="field">
          <span>Name</span>
          <input
            value={draft.name}
            data-testid="template-name"
            onChange={(e) => change({ name: e.target.value })}
          />
        </label>
        {hasSubject && (
          <label className="field">
            <span>Subject</span>
            <input
              value={draft.subject ?? ''}
              data-testid="template-subject"
              onChange={(e) => change({ subject: e.target.value })}
            />
          </label>
        )}
        <label className="field">
          <span>
            Text{' '}
            <span className={tooLong ? 'counter counter--over' : 'counter'} data-testid="template-count">
              {length}
              {draft.kind === 'invite' ? ` / ${limit}` : ''}
            </span>
          </span>
          <textarea
            ref={bodyRef}
            rows={draft.kind === 'invite' ? 5 : 12}
            value={draft.body}
            data-testid="template-body"
            onChange={(e) => change({ body: e.target.value })}
          />
        </label>
        <div className="variables">
          {TEMPLATE_VARIABLES.map((v) => (
            <button
              key={v.name}
              type="button"
              className="chip"
              title={v.label}
              onClick={() => insert(v.name)}
            >
              {`{${v.name}}`}
            </button>
          ))}
        </div>
        <p className="muted">
          Write your own words in place of anything in [square brackets]: the queue will not send a message
          that still has one. <code>{'{first_name|there}'}</code> gives a fallback for one place.
        </p>
        {used.length > 0 && (
          <fieldset className="fallbacks" data-testid="fallbacks">
            <legend>When a contact has no…</legend>
            {used.map((name) => {
              const variable = TEMPLATE_VARIABLES.find((v) => v.name === name)!;
              return (
                <label key={name} className="field field--inline">
                  <span>{variable.label}, write</span>
                  <input
                    value={draft.fallbacks[name] ?? ''}
                    placeholder={variable.fallback || '(nothing)'}
                    data-testid={`fallback-${name}`}
                    onChange={(e) => {
                      const fallbacks = { ...draft.fallbacks };
                      if (e.target.value) fallbacks[name] = e.target.value;
                      else delete fallbacks[name];
                      change({ fallbacks });
                    }}
                  />
                </label>
              );
            })}
          </fieldset>
        )}
        <label className="field field--inline">
          <input
            type="checkbox"
            checked={draft.isDefault}
            onChange={(e) => change({ isDefault: e.target.checked })}
          />
          <span>The default for {KIND_LABELS[draft.kind].many}</span>
        </label>
        {error && (
          <p className="field-error" role="alert" data-testid="template-error">
            {error}
          </p>
        )}
        <div className="plan__actions">
          <button
            type="button"
            className="button button--primary"
            data-testid="template-save"
            disabled={tooLong}
            onClick={() => void save()}
          >
            Save
          </button>
          {saved && (
            <span className="muted" data-testid="template-saved">
              Saved.
            </span>
          )}
          {draft.id && (
            <button
              type="button"
              className="button button--danger"
              onClick={() =>
                void unwrap(api().templates.delete({ id: draft.id! })).then(onDeleted, (e: Error) =>
                  setError(e.message),
                )
              }
            >
              Delete
            </button>
          )}
        </div>
      </section>
      <TemplatePreview draft={draft} />
    </div>
  );
}

export const blankTemplate = (kind: OutreachKind): EditorValue => ({
  kind,
  name: '',
  subject: kind === 'inmail' || kind === 'email' ? '' : null,
  body: '',
  fallbacks: {},
  isDefault: false,
});
