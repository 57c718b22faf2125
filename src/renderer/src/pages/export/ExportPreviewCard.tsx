import { formatCount } from '@shared/domain/format';
import { useExport } from '../../stores/exportStore';

/** The first rows of the file as it will be written, and how many rows it will hold. */
export function ExportPreviewCard() {
  const { preview, previewError } = useExport();
  return (
    <section className="card" data-testid="export-preview">
      <h3>Preview</h3>
      {previewError && (
        <p className="field-error" role="alert">
          {previewError}
        </p>
      )}
      {!preview && !previewError && <p className="muted">Reading…</p>}
      {preview && (
        <>
          <p data-testid="preview-summary">
            <strong data-testid="preview-total">{formatCount(preview.total)}</strong>{' '}
            {preview.total === 1 ? 'row' : 'rows'}
            {preview.unchanged > 0 && (
              <> · {formatCount(preview.unchanged)} unchanged since the last export, left out</>
            )}
            {preview.suppressed > 0 && (
              <> · {formatCount(preview.suppressed)} on the do-not-contact list, left out</>
            )}
          </p>
          {preview.total === 0 ? (
            <p className="muted" data-testid="preview-empty">
              Nothing to export: approve some leads on the Companies &amp; contacts page, or choose other
              leads.
            </p>
          ) : (
            <div className="table-scroll">
              <table className="mapping-table export-preview" data-testid="preview-table">
                <thead>
                  <tr>
                    {preview.headers.map((h) => (
                      <th key={h}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td
                          key={j}
                          className="mapping-table__sample"
                          title={cell === null ? '' : String(cell)}
                        >
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
