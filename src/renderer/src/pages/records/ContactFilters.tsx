import { useEffect, useState } from 'react';
import type { ContactFilter, ContactSource, LeadStatus, SavedFilter } from '@shared/domain/records';
import type { Facets } from '@shared/contract/records';
import type { Tier } from '@shared/domain/settings/scoring';
import { api, unwrap } from '../../api';
import { SOURCE_TEXT, STATUS_TEXT } from './TierBadge';

interface Props {
  filter: ContactFilter;
  onChange(filter: ContactFilter): void;
  /** The tiers offered (the approval queue holds only HOT and WARM). */
  tiers?: Tier[];
  /** Whether the status filter is offered (the queue fixes it). */
  statuses?: boolean;
}

const toggle = <T,>(list: T[] | undefined, value: T): T[] | undefined => {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
};

const triState = (value: boolean | undefined) => (value === undefined ? '' : value ? 'yes' : 'no');
const fromTri = (value: string) => (value === '' ? undefined : value === 'yes');

/** Search, the filters of the contacts table, and saved filters. */
export function ContactFilters({
  filter,
  onChange,
  tiers = ['HOT', 'WARM', 'COLD'],
  statuses = true,
}: Props) {
  const [facets, setFacets] = useState<Facets>({ states: [], imports: [] });
  const [saved, setSaved] = useState<SavedFilter[]>([]);
  const [search, setSearch] = useState(filter.search ?? '');
  useEffect(() => {
    void unwrap(api().records.facets()).then(setFacets, () => undefined);
    void unwrap(api().filters.list()).then(setSaved, () => undefined);
  }, []);
  // Typing searches after a pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filter.search ?? '') !== search) onChange({ ...filter, search: search || undefined });
    }, 200);
    return () => clearTimeout(timer);
  }, [search, filter, onChange]);

  const set = (patch: Partial<ContactFilter>) => onChange({ ...filter, ...patch });
  // Electron has no window.prompt: the name is typed in place.
  const [naming, setNaming] = useState<string | null>(null);
  const save = async () => {
    if (naming?.trim())
      setSaved(await unwrap(api().filters.save({ name: naming.trim(), kind: 'contact', filter })));
    setNaming(null);
  };
  return (
    <div className="filters" data-testid="contact-filters">
      <input
        type="search"
        className="filters__search"
        placeholder="Search names, titles, emails, companies"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        data-testid="records-search"
      />
      <div className="filters__group">
        {tiers.map((t) => (
          <label key={t} className="chip">
            <input
              type="checkbox"
              checked={filter.tiers?.includes(t) ?? false}
              onChange={() => set({ tiers: toggle(filter.tiers, t) })}
              data-testid={`filter-tier-${t}`}
            />
            {t}
          </label>
        ))}
      </div>
      {statuses && (
        <select
          value={filter.statuses?.[0] ?? ''}
          onChange={(e) => set({ statuses: e.target.value ? [e.target.value as LeadStatus] : undefined })}
          aria-label="Status"
        >
          <option value="">Any status</option>
          {(Object.keys(STATUS_TEXT) as LeadStatus[]).map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </select>
      )}
      <select
        value={filter.sources?.[0] ?? ''}
        onChange={(e) => set({ sources: e.target.value ? [e.target.value as ContactSource] : undefined })}
        aria-label="Source"
      >
        <option value="">Any source</option>
        {Object.entries(SOURCE_TEXT).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <select
        value={filter.states?.[0] ?? ''}
        onChange={(e) => set({ states: e.target.value ? [e.target.value] : undefined })}
        aria-label="State"
      >
        <option value="">Any state</option>
        {facets.states.map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <select
        value={filter.batchId ?? ''}
        onChange={(e) => set({ batchId: e.target.value ? Number(e.target.value) : undefined })}
        aria-label="Import"
      >
        <option value="">Any import</option>
        {facets.imports.map((b) => (
          <option key={b.id} value={b.id}>
            #{b.id} {b.fileName}
          </option>
        ))}
      </select>
      <select
        value={triState(filter.hasEmail)}
        onChange={(e) => set({ hasEmail: fromTri(e.target.value) })}
        aria-label="Email"
        data-testid="filter-email"
      >
        <option value="">Email: any</option>
        <option value="yes">Has email (own or verified)</option>
        <option value="no">No email (or guesses only)</option>
      </select>
      <select
        value={triState(filter.inCrm)}
        onChange={(e) => set({ inCrm: fromTri(e.target.value) })}
        aria-label="In CRM"
      >
        <option value="">CRM: any</option>
        <option value="yes">Already in CRM</option>
        <option value="no">Not in CRM</option>
      </select>
      <label className="chip">
        <input
          type="checkbox"
          checked={filter.atl ?? false}
          onChange={(e) => set({ atl: e.target.checked || undefined })}
          data-testid="filter-atl"
        />
        ATL only
      </label>
      <select
        value=""
        aria-label="Saved filters"
        data-testid="saved-filters"
        onChange={(e) => {
          const chosen = saved.find((s) => String(s.id) === e.target.value);
          if (chosen) {
            setSearch((chosen.filter as ContactFilter).search ?? '');
            onChange(chosen.filter as ContactFilter);
          }
        }}
      >
        <option value="">Saved filters…</option>
        {saved
          .filter((s) => s.kind === 'contact')
          .map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
      </select>
      {naming === null ? (
        <button
          type="button"
          className="button button--small"
          onClick={() => setNaming('')}
          data-testid="save-filter"
        >
          Save filter
        </button>
      ) : (
        <form
          className="filters__name"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            autoFocus
            placeholder="Filter name"
            value={naming}
            onChange={(e) => setNaming(e.target.value)}
            data-testid="filter-name"
          />
          <button type="submit" className="button button--small button--primary">
            Save
          </button>
        </form>
      )}
    </div>
  );
}
