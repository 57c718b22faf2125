import { useState } from 'react';
import { formatCount, formatDuration } from '@shared/domain/format';
import { PROBLEM_KINDS, PROBLEM_LABELS, type ImportBatchSummary } from '@shared/domain/import/types';
import { useImports } from '../../stores/importStore';

/** Each kind of problem an import met, with how many rows had it. */
function Problems({ batch }: { batch: ImportBatchSummary }) {
  const kinds = PROBLEM_KINDS.filter((k) => (batch.problems[k] ?? 0) > 0);
  if (kinds.length === 0) return <>0</>;
  return (
    <ul className="history-problems" data-testid="history-problems">
      {kinds.map((k) => (
        <li key={k} data-kind={k}>
          {formatCount(batch.problems[k]!)} · {PROBLEM_LABELS[k].toLowerCase()}
        </li>
      ))}
    </ul>
  );
}

/** Every import with its report — counts, problems by kind, time — and Undo for one that still stands. */
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
      <div className="table-scroll">
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
              <th>Took</th>
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
                <td>
                  <Problems batch={batch} />
                </td>
                <td data-testid="history-seconds">
                  {batch.seconds === null ? '—' : formatDuration(batch.seconds)}
                </td>
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
      </div>
    </section>
  );
}
