import { useState } from 'react';
import type { ExportColumnChoice, ExportFormatInfo } from '@shared/domain/export';
import { useExport } from '../../stores/exportStore';

/**
 * The target's columns as the seller wants them: renamed, reordered, left out. Saved per target
 * and used by every later export to it. (Mounted again, with a key, whenever the saved columns change.)
 */
export function ColumnsEditor({ format }: { format: ExportFormatInfo }) {
  const { saveColumns, resetColumns } = useExport();
  const [columns, setColumns] = useState<ExportColumnChoice[]>(() =>
    format.columns.map(({ key, header, enabled }) => ({ key, header, enabled })),
  );
  const [error, setError] = useState<string | null>(null);
  const info = new Map(format.columns.map((c) => [c.key, c]));
  const dirty =
    JSON.stringify(columns) !==
    JSON.stringify(format.columns.map(({ key, header, enabled }) => ({ key, header, enabled })));
  const update = (i: number, patch: Partial<ExportColumnChoice>) =>
    setColumns((all) => all.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const move = (i: number, by: -1 | 1) =>
    setColumns((all) => {
      const next = [...all];
      const [item] = next.splice(i, 1);
      next.splice(i + by, 0, item!);
      return next;
    });
  const act = (work: Promise<void>) =>
    work.then(
      () => setError(null),
      (e: Error) => setError(e.message),
    );
  return (
    <details className="card columns-editor" data-testid="columns-editor">
      <summary>
        <h3>Columns for {format.label}</h3>
        <span className="muted">
          {columns.filter((c) => c.enabled).length} of {columns.length} written
        </span>
      </summary>
      <table className="mapping-table">
        <thead>
          <tr>
            <th>Write</th>
            <th>Column name in the file</th>
            <th>Holds</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {columns.map((c, i) => {
            const def = info.get(c.key)!;
            return (
              <tr key={c.key} data-testid={`column-${c.key}`}>
                <td>
                  <input
                    type="checkbox"
                    checked={c.enabled}
                    disabled={def.required}
                    title={def.required ? `${format.label} needs this column` : undefined}
                    aria-label={`Write ${c.header}`}
                    data-testid={`column-${c.key}-enabled`}
                    onChange={(e) => update(i, { enabled: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    value={c.header}
                    aria-label={`Name of the ${def.description} column`}
                    data-testid={`column-${c.key}-header`}
                    onChange={(e) => update(i, { header: e.target.value })}
                  />
                  {c.header !== def.defaultHeader && <span className="muted"> ({def.defaultHeader})</span>}
                </td>
                <td className="muted">{def.description}</td>
                <td className="columns-editor__move">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={i === 0}
                    aria-label="Move up"
                    onClick={() => move(i, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={i === columns.length - 1}
                    aria-label="Move down"
                    onClick={() => move(i, 1)}
                  >
                    ↓
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {error && (
        <p className="field-error" role="alert" data-testid="columns-error">
          {error}
        </p>
      )}
      <div className="wizard__actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!dirty}
          data-testid="save-columns"
          onClick={() => void act(saveColumns(columns))}
        >
          Save columns for {format.label}
        </button>
        <button
          type="button"
          className="button"
          data-testid="reset-columns"
          onClick={() => void act(resetColumns())}
        >
          Back to {format.label}’s own columns
        </button>
      </div>
    </details>
  );
}
