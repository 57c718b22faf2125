import { useEffect, useState } from 'react';
import { KIND_LABELS, OUTREACH_KINDS, type OutreachKind } from '@shared/domain/outreach';
import type { Template } from '@shared/domain/templates';
import { Page } from '../components/Page';
import { useDataVersion } from '../hooks/useDataVersion';
import { api, unwrap } from '../api';
import { TemplateEditor, blankTemplate, type EditorValue } from './templates/TemplateEditor';

/** Message templates per kind of outreach, with variables, fallbacks and a preview on a real contact. */
export function TemplatesPage() {
  const version = useDataVersion();
  // Keeps the list it has while a new one loads, so the open editor (and what the seller typed)
  // is not unmounted by the reload its own save sets off.
  const [templates, setTemplates] = useState<Template[] | null>(null);
  useEffect(() => {
    let live = true;
    void unwrap(api().templates.list()).then(
      (list) => live && setTemplates(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  const [editing, setEditing] = useState<{ key: string; value: EditorValue } | null>(null);
  const [newKind, setNewKind] = useState<OutreachKind>('invite');
  // The invite note first: the template a seller meets every day.
  const first = templates?.find((t) => t.kind === 'invite' && t.isDefault) ?? templates?.[0];
  const current = editing ?? (first ? { key: `t${first.id}`, value: first } : null);
  return (
    <Page id="templates" title="Templates">
      <div className="templates">
        <nav className="templates__list" aria-label="Templates">
          {OUTREACH_KINDS.map((kind) => {
            const ofKind = templates?.filter((t) => t.kind === kind) ?? [];
            if (ofKind.length === 0) return null;
            return (
              <section key={kind}>
                <h3>{KIND_LABELS[kind].many}</h3>
                <ul>
                  {ofKind.map((t) => (
                    <li key={t.id}>
                      <button
                        type="button"
                        className={
                          current?.key === `t${t.id}`
                            ? 'template-link template-link--current'
                            : 'template-link'
                        }
                        data-testid="template-link"
                        onClick={() => setEditing({ key: `t${t.id}`, value: t })}
                      >
                        {t.name}
                        {t.isDefault && <span className="muted"> · default</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
          <div className="templates__new">
            <select
              value={newKind}
              onChange={(e) => setNewKind(e.target.value as OutreachKind)}
              aria-label="Kind"
            >
              {OUTREACH_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k].one}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="button button--small"
              data-testid="template-new"
              onClick={() => setEditing({ key: `new${Date.now()}`, value: blankTemplate(newKind) })}
            >
              New template
            </button>
          </div>
        </nav>
        {current && (
          <TemplateEditor
            key={current.key}
            value={current.value}
            onSaved={(t) => setEditing({ key: `t${t.id}`, value: t })}
            onDeleted={() => setEditing(null)}
          />
        )}
      </div>
    </Page>
  );
}
