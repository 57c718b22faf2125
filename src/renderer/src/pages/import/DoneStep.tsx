import { useState } from 'react';
import { formatCount, formatDuration } from '@shared/domain/format';
import { PROBLEM_KINDS, PROBLEM_LABELS, type ImportReport } from '@shared/domain/import/types';
import { useImports } from '../../stores/importStore';
import { usePrefs } from '../../stores/prefsStore';

/** What an import did, as counts, with Undo (asked once more first, unless the seller turned that off). */
export function ImportReportCard({ report, undone }: { report: ImportReport; undone: boolean }) {
  const undo = useImports((s) => s.undo);
  const confirm = usePrefs((s) => s.prefs?.confirmDestructive ?? true);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setAsking(false);
    try {
      await undo(report.batchId!);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="wizard__step" data-testid="import-report">
      <p>
        Imported <strong>{report.fileName}</strong> in {formatDuration(report.seconds)}
        {report.batchId !== null && <> as import #{report.batchId}</>}.
      </p>
      <dl className="counts">
        <div>
          <dt>new</dt>
          <dd data-testid="report-new">{formatCount(report.inserted)}</dd>
        </div>
        <div>
          <dt>updated</dt>
          <dd data-testid="report-updated">{formatCount(report.updated)}</dd>
        </div>
        <div>
          <dt>unchanged</dt>
          <dd data-testid="report-unchanged">{formatCount(report.unchanged)}</dd>
        </div>
        <div>
          <dt>skipped</dt>
          <dd data-testid="report-skipped">{formatCount(report.skipped)}</dd>
        </div>
        <div>
          <dt>flagged</dt>
          <dd>{formatCount(report.flagged)}</dd>
        </div>
      </dl>
      <p className="muted">
        {formatCount(report.companiesCreated)} companies and {formatCount(report.contactsCreated)} contacts
        created.
        {PROBLEM_KINDS.filter((k) => report.problems[k])
          .map((k) => ` ${PROBLEM_LABELS[k]}: ${formatCount(report.problems[k] ?? 0)}.`)
          .join('')}
      </p>
      {undone ? (
        <p className="notice notice--warning" data-testid="undone-notice">
          This import was undone: what it added is gone and what it changed is as it was.
        </p>
      ) : asking ? (
        <div className="notice notice--warning" role="alertdialog" aria-label="Undo this import?">
          <p>
            Undo import #{report.batchId}? Everything it added is removed and everything it changed is
            restored.
          </p>
          <button
            type="button"
            className="button button--danger"
            data-testid="confirm-undo"
            onClick={() => void run()}
          >
            Undo the import
          </button>
          <button type="button" className="button" onClick={() => setAsking(false)}>
            Keep it
          </button>
        </div>
      ) : (
        report.batchId !== null && (
          <button
            type="button"
            className="button"
            data-testid="undo-import"
            onClick={() => (confirm ? setAsking(true) : void run())}
          >
            Undo this import
          </button>
        )
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
