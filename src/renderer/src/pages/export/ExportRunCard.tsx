import { formatBytes, formatCount, formatDuration } from '@shared/domain/format';
import { rowLimitProblem, TARGET_LABELS } from '@shared/domain/export';
import { api, unwrap } from '../../api';
import { useExport } from '../../stores/exportStore';

/** Where the file goes, the Export button, and what the export did. */
export function ExportRunCard() {
  const { target, formats, path, preview, jobId, report, error, chooseFile, run } = useExport();
  const nothing = preview !== null && preview.total === 0;
  // Said before the seller starts, not after the job fails: the preview counts the whole file.
  const format = formats.find((f) => f.target === target);
  const tooMany = format && preview ? rowLimitProblem(format, preview.total) : null;
  return (
    <section className="card" data-testid="export-run">
      <h3>Save</h3>
      <div className="export-actions">
        <button
          type="button"
          className="button"
          data-testid="choose-save-path"
          onClick={() => void chooseFile()}
        >
          Choose where to save…
        </button>
        <span className="export-path" data-testid="save-path">
          {path ?? <span className="muted">No file chosen</span>}
        </span>
      </div>
      <div className="export-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!path || nothing || tooMany !== null || jobId !== null}
          data-testid="start-export"
          onClick={() => void run()}
        >
          {jobId !== null ? 'Exporting…' : `Export to ${TARGET_LABELS[target]}`}
        </button>
      </div>
      {tooMany && (
        <p className="field-error" data-testid="export-too-many">
          {tooMany}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="export-error">
          {error}
        </p>
      )}
      {report && !report.written && (
        <p className="notice" data-testid="export-nothing">
          Nothing new or changed since the last export to {TARGET_LABELS[report.target]}; no file was written.
        </p>
      )}
      {report?.written && (
        <div className="export-done" data-testid="export-done">
          <p>
            Wrote <strong data-testid="export-rows">{formatCount(report.rows)}</strong> rows to{' '}
            <code>{report.path}</code> ({formatBytes(report.bytes)}, {formatDuration(report.seconds)}).
          </p>
          <p className="muted">
            SHA-256 <code data-testid="export-sha">{report.sha256}</code>
          </p>
          <button
            type="button"
            className="button"
            data-testid="show-in-folder"
            onClick={() => void unwrap(api().system.showInFolder({ path: report.path! }))}
          >
            Show in folder
          </button>
        </div>
      )}
    </section>
  );
}
