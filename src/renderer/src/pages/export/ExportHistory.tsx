import { Fragment, useState } from 'react';
import { formatCount } from '@shared/domain/format';
import {
  CLOSE_API_TARGET,
  TARGET_LABELS,
  type ExportHistoryItem,
  type ExportTarget,
} from '@shared/domain/export';
import { api, unwrap } from '../../api';
import { useExport } from '../../stores/exportStore';

const targetLabel = (target: string) =>
  target === CLOSE_API_TARGET ? 'Close (API sync)' : (TARGET_LABELS[target as ExportTarget] ?? target);

/** Which records went to which target, when, in which file (with its hash). */
export function ExportHistory() {
  const history = useExport((s) => s.history);
  const [open, setOpen] = useState<{ id: number; items: ExportHistoryItem[] } | null>(null);
  if (history.length === 0) return null;
  const toggle = (id: number) => {
    if (open?.id === id) return setOpen(null);
    void unwrap(api().exports.items({ exportId: id, limit: 200 })).then((items) => setOpen({ id, items }));
  };
  return (
    <section className="card" data-testid="export-history">
      <h3>Export history</h3>
      <table className="history-table">
        <thead>
          <tr>
            <th>#</th>
            <th>To</th>
            <th>Leads</th>
            <th>When</th>
            <th>Rows</th>
            <th>File</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {history.map((entry) => (
            <Fragment key={entry.id}>
              <tr data-testid="export-history-row">
                <td>{entry.id}</td>
                <td>{targetLabel(entry.target)}</td>
                <td>{entry.scope}</td>
                <td>{new Date(entry.createdAt).toLocaleString()}</td>
                <td>{formatCount(entry.rows)}</td>
                <td
                  className="export-history__file"
                  title={entry.sha256 ? `SHA-256 ${entry.sha256}` : undefined}
                >
                  {entry.filePath ?? <span className="muted">—</span>}
                  {entry.sha256 && <span className="muted"> · {entry.sha256.slice(0, 12)}</span>}
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--small"
                    data-testid="export-history-people"
                    onClick={() => toggle(entry.id)}
                  >
                    {open?.id === entry.id ? 'Hide people' : 'People'}
                  </button>
                </td>
              </tr>
              {open?.id === entry.id && (
                <tr>
                  <td colSpan={7} data-testid="export-history-items">
                    {open.items.length === 0
                      ? 'No one.'
                      : open.items
                          .map((p) => `${p.fullName}${p.companyName ? ` (${p.companyName})` : ''}`)
                          .join(', ')}
                    {open.items.length === 200 &&
                      entry.rows > 200 &&
                      ` … and ${formatCount(entry.rows - 200)} more`}
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </section>
  );
}
