import { EXPORT_TARGETS, TARGET_LABELS } from '@shared/domain/export';
import type { Tier } from '@shared/domain/settings/scoring';
import { useExport, type ScopeChoice } from '../../stores/exportStore';

const SCOPES: [ScopeChoice, string][] = [
  ['approved', 'Approved leads'],
  ['tier', 'A tier'],
  ['filter', 'A saved filter'],
  ['all', 'Everything'],
];

/** Where the file goes (the CRM), which leads, and how. */
export function ExportChoices() {
  const { target, scopeChoice, tier, filterId, filters, sinceLast, bom, formats, change } = useExport();
  const format = formats.find((f) => f.target === target);
  return (
    <section className="card" data-testid="export-choices">
      <h3>What to export</h3>
      <div className="segmented" role="radiogroup" aria-label="Target">
        {EXPORT_TARGETS.map((t) => (
          <button
            key={t}
            type="button"
            role="radio"
            aria-checked={t === target}
            className={t === target ? 'segmented__item segmented__item--on' : 'segmented__item'}
            data-testid={`target-${t}`}
            onClick={() => change({ target: t })}
          >
            {TARGET_LABELS[t]}
          </button>
        ))}
      </div>
      {format && <p className="muted">{format.summary}</p>}
      <div className="wizard__controls">
        <label className="field field--inline">
          <span>Leads</span>
          <select
            value={scopeChoice}
            data-testid="export-scope"
            onChange={(e) => change({ scopeChoice: e.target.value as ScopeChoice })}
          >
            {SCOPES.map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
        {scopeChoice === 'tier' && (
          <label className="field field--inline">
            <span>Tier</span>
            <select
              value={tier}
              data-testid="export-tier"
              onChange={(e) => change({ tier: e.target.value as Tier })}
            >
              {(['HOT', 'WARM', 'COLD'] as const).map((t) => (
                <option key={t}>{t}</option>
              ))}
            </select>
          </label>
        )}
        {scopeChoice === 'filter' && (
          <label className="field field--inline">
            <span>Filter</span>
            <select
              value={filterId ?? ''}
              data-testid="export-filter"
              onChange={(e) => change({ filterId: e.target.value ? Number(e.target.value) : null })}
            >
              {filters.length === 0 && <option value="">No saved filters yet</option>}
              {filters.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="field field--inline export-option">
        <input
          type="checkbox"
          checked={sinceLast}
          data-testid="since-last"
          onChange={(e) => change({ sinceLast: e.target.checked })}
        />
        <span>Only new or changed since the last export to {TARGET_LABELS[target]}</span>
      </label>
      <label className="field field--inline">
        <input
          type="checkbox"
          checked={bom}
          data-testid="bom"
          onChange={(e) => change({ bom: e.target.checked })}
        />
        <span>Start the file with a byte-order mark (Excel then reads accents right)</span>
      </label>
      <p className="muted">People on the do-not-contact list are never exported.</p>
    </section>
  );
}
