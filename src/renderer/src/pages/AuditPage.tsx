import { useState } from 'react';
import {
  AUDIT_KINDS,
  type AuditEntryView,
  type AuditKind,
  type AuditPage as AuditResult,
} from '@shared/domain/audit';
import { formatCount } from '@shared/domain/format';
import { api, unwrap } from '../api';
import { Page } from '../components/Page';
import { useDataVersion } from '../hooks/useDataVersion';
import { useLoaded } from '../hooks/useLoaded';

const PAGE_SIZE = 50;
const KINDS: { id: AuditKind; label: string }[] = [...AUDIT_KINDS, { id: 'other', label: 'Other' }];

/** The entry's details as short "key: value" pairs; nested values as compact JSON. */
function describe(entry: AuditEntryView): string {
  return Object.entries(entry.details)
    .filter(([key]) => key !== 'ids')
    .map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`)
    .join(' · ');
}

/** What happened, when and by whom: imports, merges, approvals, outreach, exports, erasures, settings. */
export function AuditPage() {
  const version = useDataVersion();
  const [kinds, setKinds] = useState<AuditKind[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [offset, setOffset] = useState(0);
  const query = { kinds, from: from || undefined, to: to || undefined, offset, limit: PAGE_SIZE };
  const { value, error } = useLoaded<AuditResult>(`audit:${version}:${JSON.stringify(query)}`, () =>
    unwrap(api().audit.list(query)),
  );
  const toggle = (kind: AuditKind) => {
    setOffset(0);
    setKinds((all) => (all.includes(kind) ? all.filter((k) => k !== kind) : [...all, kind]));
  };
  return (
    <Page id="audit" title="Audit log">
      <div className="audit-filters" data-testid="audit-filters">
        <div className="audit-filters__kinds" role="group" aria-label="Kinds">
          {KINDS.map((kind) => (
            <button
              key={kind.id}
              type="button"
              className={kinds.includes(kind.id) ? 'chip chip--on' : 'chip'}
              aria-pressed={kinds.includes(kind.id)}
              onClick={() => toggle(kind.id)}
              data-testid={`audit-kind-${kind.id}`}
            >
              {kind.label}
              {value?.kinds[kind.id] ? ` ${formatCount(value.kinds[kind.id]!)}` : ''}
            </button>
          ))}
        </div>
        <label className="field field--inline">
          <span>From</span>
          <input
            type="date"
            value={from}
            onChange={(e) => {
              setOffset(0);
              setFrom(e.target.value);
            }}
            data-testid="audit-from"
          />
        </label>
        <label className="field field--inline">
          <span>To</span>
          <input
            type="date"
            value={to}
            onChange={(e) => {
              setOffset(0);
              setTo(e.target.value);
            }}
            data-testid="audit-to"
          />
        </label>
        {value && (
          <span className="muted" data-testid="audit-zone">
            Days and times in {value.timeZone}
          </span>
        )}
      </div>
      {error && <p className="field-error">{error}</p>}
      {value && (
        <>
          <table className="history-table audit-table" data-testid="audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>What</th>
                <th>By</th>
                <th>Record</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {value.rows.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-action={entry.action} data-kind={entry.kind}>
                  <td>{new Date(entry.at).toLocaleString(undefined, { timeZone: value.timeZone })}</td>
                  <td>{entry.action}</td>
                  <td>{entry.actor}</td>
                  <td>{entry.entityType ? `${entry.entityType} ${entry.entityId ?? ''}` : ''}</td>
                  <td className="audit-table__details">{describe(entry)}</td>
                </tr>
              ))}
              {value.rows.length === 0 && (
                <tr>
                  <td colSpan={5} className="muted audit-table__empty">
                    Nothing recorded for these filters.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          <div className="pager" data-testid="audit-pager">
            <button
              type="button"
              className="button button--small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
              data-testid="audit-prev"
            >
              Newer
            </button>
            <span data-testid="audit-range">
              {value.total === 0
                ? '0 entries'
                : `${formatCount(offset + 1)}–${formatCount(offset + value.rows.length)} of ${formatCount(value.total)}`}
            </span>
            <button
              type="button"
              className="button button--small"
              disabled={offset + PAGE_SIZE >= value.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
              data-testid="audit-next"
            >
              Older
            </button>
          </div>
        </>
      )}
    </Page>
  );
}
