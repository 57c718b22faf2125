import { useEffect, useState } from 'react';
import { scoringSettingsSchema, type ScoringSettings, type Tier } from '@shared/domain/settings/scoring';
import { formatCount } from '@shared/domain/format';
import { api, unwrap } from '../../api';
import { firstIssue, ListField, NumberField } from './fields';

type Move = { from: Tier | null; to: Tier; count: number };

const DEFAULTS = scoringSettingsSchema.parse({});

function describeMoves(moves: Move[]): string {
  const total = moves.reduce((sum, m) => sum + m.count, 0);
  if (total === 0) return 'No lead would change tier.';
  const parts = moves
    .sort((a, b) => b.count - a.count)
    .map((m) => `${formatCount(m.count)} ${m.from ?? 'unscored'} → ${m.to}`);
  return `${formatCount(total)} lead${total === 1 ? '' : 's'} would change tier: ${parts.join(', ')}.`;
}

/**
 * The scoring rules: weights, tier cut-offs, the ICP blend, target industries and ATL keywords.
 * Every edit shows, before saving, how many leads would move between tiers; saving scores every
 * lead again.
 */
export function ScoringSection() {
  const [saved, setSaved] = useState<ScoringSettings | null>(null);
  const [draft, setDraft] = useState<ScoringSettings | null>(null);
  const [preview, setPreview] = useState<{ for: ScoringSettings; text: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void unwrap(api().settings.all()).then((all) => {
      setSaved(all.scoring);
      setDraft(all.scoring);
    });
  }, []);

  const checked = draft ? scoringSettingsSchema.safeParse(draft) : null;
  const problem = checked && !checked.success ? firstIssue(checked.error.issues) : null;
  const dirty = draft !== null && JSON.stringify(draft) !== JSON.stringify(saved);

  // The preview follows the draft after a short pause, so typing a number does not rescan each key.
  useEffect(() => {
    if (!draft || !dirty || problem) return;
    const timer = setTimeout(() => {
      void api()
        .scoring.preview({ settings: draft })
        .then((r) => setPreview({ for: draft, text: r.ok ? describeMoves(r.value) : r.error.message }));
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, dirty, problem]);

  if (!draft) return null;
  const set = (patch: Partial<ScoringSettings>) => {
    setMessage(null);
    setDraft({ ...draft, ...patch });
  };
  const save = async () => {
    setBusy(true);
    try {
      const all = await unwrap(api().settings.update({ section: 'scoring', value: draft }));
      setSaved(all.scoring);
      setDraft(all.scoring);
      setMessage('Saved. Every lead was scored again with these rules.');
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="scoring-section">
      <h3>Lead scoring</h3>
      <p className="muted">
        A lead scores 0–100: title + company size + a known email + how the person was found + industry, with
        the list’s own ICP score blended in.
      </p>
      <div className="settings-grid">
        <NumberField
          label="HOT from"
          value={draft.tiers.hot}
          onChange={(hot) => set({ tiers: { ...draft.tiers, hot } })}
          testId="tier-hot"
        />
        <NumberField
          label="WARM from"
          value={draft.tiers.warm}
          onChange={(warm) => set({ tiers: { ...draft.tiers, warm } })}
          testId="tier-warm"
        />
        <NumberField
          label="ICP score weight (%)"
          value={Math.round(draft.icpWeight * 100)}
          onChange={(pct) => set({ icpWeight: pct / 100 })}
          testId="icp-weight"
        />
      </div>

      <h4>Title</h4>
      <div className="settings-grid">
        {draft.titleRules.map((rule, i) => (
          <NumberField
            key={rule.label}
            label={`${rule.label} (${rule.keywords.join(', ')})`}
            value={rule.points}
            onChange={(points) =>
              set({ titleRules: draft.titleRules.map((r, j) => (j === i ? { ...r, points } : r)) })
            }
            testId={`title-points-${i}`}
          />
        ))}
        <NumberField
          label="Any other title"
          value={draft.otherTitlePoints}
          onChange={(otherTitlePoints) => set({ otherTitlePoints })}
        />
      </div>

      <h4>Company size</h4>
      <div className="settings-grid">
        <NumberField
          label="Enterprise from (employees)"
          value={draft.size.enterpriseMin}
          max={1_000_000}
          onChange={(enterpriseMin) => set({ size: { ...draft.size, enterpriseMin } })}
        />
        <NumberField
          label="Enterprise points"
          value={draft.size.enterprisePoints}
          onChange={(enterprisePoints) => set({ size: { ...draft.size, enterprisePoints } })}
        />
        <NumberField
          label="Mid-market from (employees)"
          value={draft.size.midMin}
          max={1_000_000}
          onChange={(midMin) => set({ size: { ...draft.size, midMin } })}
        />
        <NumberField
          label="Mid-market points"
          value={draft.size.midPoints}
          onChange={(midPoints) => set({ size: { ...draft.size, midPoints } })}
        />
        <NumberField
          label="Small or unknown points"
          value={draft.size.smallOrUnknownPoints}
          onChange={(smallOrUnknownPoints) => set({ size: { ...draft.size, smallOrUnknownPoints } })}
        />
      </div>

      <h4>Email and source</h4>
      <div className="settings-grid">
        <NumberField
          label="A work email is known"
          value={draft.emailKnownPoints}
          onChange={(emailKnownPoints) => set({ emailKnownPoints })}
          testId="email-points"
        />
        {(
          [
            ['connection', 'Existing connection'],
            ['search', 'LinkedIn search'],
            ['company_page', 'Company page'],
            ['import', 'Imported list'],
          ] as const
        ).map(([key, label]) => (
          <NumberField
            key={key}
            label={label}
            value={draft.sourcePoints[key]}
            onChange={(points) => set({ sourcePoints: { ...draft.sourcePoints, [key]: points } })}
          />
        ))}
      </div>

      <h4>Industry</h4>
      <ListField
        label="Target industries (a company whose industry contains one of these)"
        value={draft.industry.targets}
        onChange={(targets) => set({ industry: { ...draft.industry, targets } })}
        testId="industry-targets"
      />
      <div className="settings-grid">
        <NumberField
          label="Target industry points"
          value={draft.industry.targetPoints}
          onChange={(targetPoints) => set({ industry: { ...draft.industry, targetPoints } })}
        />
        <NumberField
          label="Other industry points"
          value={draft.industry.otherPoints}
          onChange={(otherPoints) => set({ industry: { ...draft.industry, otherPoints } })}
        />
      </div>

      <h4>Above the line</h4>
      <ListField
        label="ATL title keywords (LinkedIn discovery and the ATL filter use them)"
        value={draft.atlKeywords}
        onChange={(atlKeywords) => set({ atlKeywords })}
        testId="atl-keywords"
      />

      {/* Kept in view while the seller scrolls through the rules: what the change would do. */}
      <div className="settings-footer">
        {problem && (
          <p className="field-error" role="alert" data-testid="scoring-problem">
            {problem}
          </p>
        )}
        {dirty && !problem && (
          <p className="notice" role="status" data-testid="tier-preview">
            {preview?.for === draft ? preview.text : 'Counting the leads that would move…'}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!dirty || !!problem || busy}
            onClick={() => void save()}
            data-testid="save-scoring"
          >
            {busy ? 'Scoring every lead…' : 'Save and re-score'}
          </button>
          <button type="button" className="button" disabled={!dirty || busy} onClick={() => setDraft(saved)}>
            Discard changes
          </button>
          <button type="button" className="button" disabled={busy} onClick={() => set(DEFAULTS)}>
            Back to the defaults
          </button>
          {message && (
            <span className="muted" role="status" data-testid="scoring-message">
              {message}
            </span>
          )}
        </div>
      </div>
    </section>
  );
}
