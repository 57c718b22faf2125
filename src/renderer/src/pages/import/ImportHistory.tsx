import { useState } from 'react';
import { formatCount } from '@shared/domain/format';
import { useImports } from '../../stores/importStore';

/** Every import with its counts; Undo for one that still stands. */
export function ImportHistory() {
  const { history, undo } = useImports();
  const [error, setError] = useState<string | null>(null);
  if (history.length === 0) return null;
  return (
    <section className="card" data-testid="import-history">
      <h3>Import history</h3>
      {error && (
        <p className="field-error" role="alert" data-testid="history-error">
          {error}
        </p>
      )}
      <table className="history-table">
        <thead>
          <tr>
            <th>#</th>
            <th>File</th>
            <th>When</th>
            <th>Rows</th>
            <th>New</th>
            <th>Updated</th>
            <th>Unchanged</th>
            <th>Skipped</th>
            <th>Problems</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {history.map((batch) => (
            <tr key={batch.id} data-testid="history-row" data-status={batch.status}>
              <td>{batch.id}</td>
              <td>{batch.fileName}</td>
              <td>{new Date(batch.createdAt).toLocaleString()}</td>
              <td>{formatCount(batch.rowsRead)}</td>
              <td>{formatCount(batch.inserted)}</td>
              <td>{formatCount(batch.updated)}</td>
              <td>{formatCount(batch.unchanged)}</td>
              <td>{formatCount(batch.skipped)}</td>
              <td>{formatCount(Object.values(batch.problems).reduce((a, b) => a + (b ?? 0), 0))}</td>
              <td>
                {batch.status === 'undone' ? (
                  <span className="muted">undone</span>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() =>
                      undo(batch.id).then(
                        () => setError(null),
                        (e: Error) => setError(e.message),
                      )
                    }
                  >
                    Undo
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
