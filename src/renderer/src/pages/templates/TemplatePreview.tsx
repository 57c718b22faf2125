import { useState } from 'react';
import type { ContactRowView } from '@shared/domain/records';
import {
  closestVariable,
  MESSAGE_LIMITS,
  messageLength,
  messageProblem,
  renderTemplate,
  unfilledProblem,
  type Template,
  type TemplateValues,
} from '@shared/domain/templates';
import { useLoaded } from '../../hooks/useLoaded';
import { api, unwrap } from '../../api';

type Draft = Pick<Template, 'kind' | 'subject' | 'body' | 'fallbacks'>;

/** The template as one real contact would get it, with what that contact lacks. */
export function TemplatePreview({ draft }: { draft: Draft }) {
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<ContactRowView | null>(null);
  const { value: found } = useLoaded(`search:${search}`, () =>
    unwrap(
      api().records.contacts({
        filter: search.trim() ? { search: search.trim() } : { statuses: ['approved'] },
        sort: 'score',
        direction: 'desc',
        limit: 8,
      }),
    ),
  );
  const contact = chosen ?? found?.rows[0] ?? null;
  const { value: values } = useLoaded<TemplateValues>(contact ? `values:${contact.id}` : null, () =>
    contact ? unwrap(api().templates.values({ contactId: contact.id })) : null,
  );
  const body = values ? renderTemplate(draft.body, values, draft.fallbacks) : null;
  const subject =
    values && draft.subject !== null ? renderTemplate(draft.subject, values, draft.fallbacks) : null;
  const missing = [...new Set([...(subject?.missing ?? []), ...(body?.missing ?? [])])];
  const unknown = [...new Set([...(subject?.unknown ?? []), ...(body?.unknown ?? [])])];
  const limit = MESSAGE_LIMITS[draft.kind].body;
  // Unknown names are listed below with what they were probably meant to be; the problem line
  // then covers the rest (limits, a "[blank]"), in the queue's own words.
  const problem = body
    ? (messageProblem(draft.kind, subject?.text ?? null, body.text) ??
      (unknown.length === 0 ? unfilledProblem(subject?.text ?? null, body.text, ' in the template') : null))
    : null;
  return (
    <section className="card preview" data-testid="template-preview">
      <h3>Preview</h3>
      <label className="field">
        <span>For</span>
        <input
          placeholder="Find a contact by name or company"
          value={search}
          data-testid="preview-search"
          onChange={(e) => {
            setSearch(e.target.value);
            setChosen(null);
          }}
        />
      </label>
      {found && found.rows.length > 1 && !chosen && search && (
        <ul className="preview__matches">
          {found.rows.map((row) => (
            <li key={row.id}>
              <button type="button" className="button button--small" onClick={() => setChosen(row)}>
                {row.fullName} <span className="muted">{row.companyName ?? ''}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {!contact && (
        <p className="muted">No contact to preview with yet; import and approve some leads first.</p>
      )}
      {contact && body && (
        <>
          <p className="muted" data-testid="preview-contact">
            {contact.fullName}
            {contact.title ? `, ${contact.title}` : ''}
            {contact.companyName ? ` at ${contact.companyName}` : ''}
          </p>
          {subject && (
            <p className="preview__subject" data-testid="preview-subject">
              {subject.text}
            </p>
          )}
          <pre className="preview__body" data-testid="preview-body">
            {body.text}
          </pre>
          <p
            className={messageLength(body.text) > limit ? 'counter counter--over' : 'counter'}
            data-testid="preview-count"
          >
            {messageLength(body.text)} / {limit} characters
          </p>
          {missing.length > 0 && (
            <p className="muted" data-testid="preview-missing">
              {contact.fullName.split(' ')[0]} has no {missing.join(', ').replace(/_/g, ' ')}: the fallback is
              used.
            </p>
          )}
          {unknown.length > 0 && (
            <p className="field-error" data-testid="preview-unknown">
              Not a variable, so it would be sent as written and the queue will not send it:{' '}
              {unknown
                .map((u) => {
                  const meant = closestVariable(u);
                  return `{${u}}${meant ? ` (did you mean {${meant}}?)` : ''}`;
                })
                .join(', ')}
            </p>
          )}
          {problem && <p className="field-error">{problem}</p>}
        </>
      )}
    </section>
  );
}
