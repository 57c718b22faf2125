import { useEffect, useState } from 'react';
import {
  DEFAULT_HUNTER_BASE_URL,
  enrichSettingsSchema,
  HUNTER_DEPARTMENTS,
  HUNTER_SENIORITIES,
  type EnrichSettings,
} from '@shared/domain/settings/enrich';
import { api, unwrap } from '../../api';
import { firstIssue, NumberField } from './fields';
import { SyncCreditsButton } from './SyncCreditsButton';

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

/**
 * Email enrichment: whom Hunter's domain search asks for, how many verifications a domain may use,
 * and where Hunter's API lives. The monthly budgets are the Hunter limits under Outreach.
 */
export function EnrichSection() {
  const [saved, setSaved] = useState<EnrichSettings | null>(null);
  const [draft, setDraft] = useState<EnrichSettings | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    void unwrap(api().settings.all()).then((all) => {
      setSaved(all.enrich);
      setDraft(all.enrich);
    });
  }, []);
  if (!draft) return null;
  const checked = enrichSettingsSchema.safeParse(draft);
  const problem = checked.success ? null : firstIssue(checked.error.issues);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = (patch: Partial<EnrichSettings>) => {
    setMessage(null);
    setDraft({ ...draft, ...patch });
  };
  const save = async () => {
    try {
      const all = await unwrap(api().settings.update({ section: 'enrich', value: draft }));
      setSaved(all.enrich);
      setDraft(all.enrich);
      setMessage('Saved. The next “Find emails” uses these.');
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  return (
    <section className="card" data-testid="enrich-section">
      <h3>Email enrichment</h3>
      <p className="muted">
        Hunter is asked once per company domain a month, highest score first, and only within the monthly
        budget (the Hunter limits under Outreach). No mail server is ever probed.
      </p>
      <fieldset className="field">
        <legend>Domain search asks for</legend>
        {HUNTER_SENIORITIES.map((s) => (
          <label key={s} className="field--inline">
            <input
              type="checkbox"
              checked={draft.seniority.includes(s)}
              onChange={(e) => set({ seniority: toggle(draft.seniority, s, e.target.checked) })}
              data-testid={`enrich-seniority-${s}`}
            />
            <span>{s}</span>
          </label>
        ))}
      </fieldset>
      <label className="field">
        <span>Departments (none chosen: all)</span>
        <select
          multiple
          size={5}
          value={draft.departments}
          onChange={(e) =>
            set({
              departments: Array.from(
                e.target.selectedOptions,
                (o) => o.value,
              ) as EnrichSettings['departments'],
            })
          }
          data-testid="enrich-departments"
        >
          {HUNTER_DEPARTMENTS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <div className="settings-grid">
        <NumberField
          label="Verifications per unknown domain"
          value={draft.verifyGuessesPerDomain}
          max={5}
          onChange={(verifyGuessesPerDomain) => set({ verifyGuessesPerDomain })}
          hint="A valid answer teaches the domain’s pattern to everyone there."
          testId="enrich-verify"
        />
        <NumberField
          label="Guesses kept per person"
          value={draft.maxGuesses}
          min={1}
          max={8}
          onChange={(maxGuesses) => set({ maxGuesses })}
          testId="enrich-guesses"
        />
      </div>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={draft.useEmailFinder}
          onChange={(e) => set({ useEmailFinder: e.target.checked })}
        />
        <span>Ask Hunter’s email finder (a search credit each) for people its domain search missed</span>
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={draft.guessDomains}
          onChange={(e) => set({ guessDomains: e.target.checked })}
        />
        <span>Guess a company’s domain from its name (kept only if it receives mail)</span>
      </label>
      <label className="field">
        <span>Hunter API address</span>
        <input
          type="url"
          value={draft.hunterBaseUrl}
          placeholder={DEFAULT_HUNTER_BASE_URL}
          onChange={(e) => set({ hunterBaseUrl: e.target.value })}
          data-testid="enrich-base-url"
        />
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
          data-testid="save-enrich"
        >
          Save
        </button>
        {message && (
          <span className="muted" role="status">
            {message}
          </span>
        )}
      </div>
      <SyncCreditsButton />
    </section>
  );
}
