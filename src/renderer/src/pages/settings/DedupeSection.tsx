import { useEffect, useState } from 'react';
import { dedupeSettingsSchema, type DedupeSettings } from '@shared/domain/settings/dedupe';
import { api, unwrap } from '../../api';
import { firstIssue, NumberField } from './fields';

/** When two records are the same: the merge and review thresholds, and matching on import. */
export function DedupeSection() {
  const [saved, setSaved] = useState<DedupeSettings | null>(null);
  const [draft, setDraft] = useState<DedupeSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void unwrap(api().settings.all()).then((all) => {
      setSaved(all.dedupe);
      setDraft(all.dedupe);
    });
  }, []);
  if (!draft) return null;
  const checked = dedupeSettingsSchema.safeParse(draft);
  const problem = checked.success ? null : firstIssue(checked.error.issues);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = (patch: Partial<DedupeSettings>) => {
    setMessage(null);
    setDraft({ ...draft, ...patch });
  };
  const save = async () => {
    try {
      const all = await unwrap(api().settings.update({ section: 'dedupe', value: draft }));
      setSaved(all.dedupe);
      setDraft(all.dedupe);
      setMessage('Saved. The next import or “Find duplicates” uses these thresholds.');
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <section className="card" data-testid="dedupe-section">
      <h3>Duplicates</h3>
      <p className="muted">
        Two records at or above the merge score are merged by themselves (every merge can be undone); between
        the review and merge scores they wait on the Review page; below, they stay apart.
      </p>
      <div className="settings-grid">
        {(['companies', 'contacts'] as const).map((kind) => (
          <div key={kind} className="settings-grid__group">
            <NumberField
              label={`${kind === 'companies' ? 'Companies' : 'People'}: merge from`}
              value={draft[kind].same}
              onChange={(same) => set({ [kind]: { ...draft[kind], same } })}
              testId={`dedupe-${kind}-same`}
            />
            <NumberField
              label={`${kind === 'companies' ? 'Companies' : 'People'}: review from`}
              value={draft[kind].review}
              onChange={(review) => set({ [kind]: { ...draft[kind], review } })}
              testId={`dedupe-${kind}-review`}
            />
          </div>
        ))}
      </div>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={draft.matchOnImport}
          onChange={(e) => set({ matchOnImport: e.target.checked })}
        />
        <span>Match every import against what is already stored</span>
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!dirty || !!problem}
          onClick={() => void save()}
          data-testid="save-dedupe"
        >
          Save
        </button>
        {message && (
          <span className="muted" role="status">
            {message}
          </span>
        )}
      </div>
    </section>
  );
}
