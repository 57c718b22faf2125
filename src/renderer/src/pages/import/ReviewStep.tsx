import { fieldSpec, type FieldId } from '@shared/domain/import/fields';
import { PROBLEM_KINDS, PROBLEM_LABELS, type ImportReport } from '@shared/domain/import/types';
import { formatCount } from '@shared/domain/format';
import { useImports, type QueueItem } from '../../stores/importStore';

const OUTCOME_TEXT = { insert: 'new', update: 'updates', unchanged: 'same', skip: 'skipped' } as const;

function PreviewTable({ report }: { report: ImportReport }) {
  const fields = [...new Set(report.previewRows.flatMap((r) => Object.keys(r.values)))] as FieldId[];
  return (
    <div className="table-scroll">
      <table className="preview-table" data-testid="preview-table">
        <thead>
          <tr>
            <th>Row</th>
            <th>Becomes</th>
            {fields.map((f) => (
              <th key={f}>{fieldSpec(f)?.label ?? f}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.previewRows.map((row) => (
            <tr key={row.row} className={row.problems.length ? 'preview-table__flagged' : undefined}>
              <td>{row.row}</td>
              <td>{OUTCOME_TEXT[row.outcome]}</td>
              {fields.map((f) => (
                <td key={f}>{row.values[f] ?? ''}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Step 2: the dry run — what importing would do, every problem by kind, and what to do with each. */
export function ReviewStep({ item }: { item: QueueItem }) {
  const { setProblemAction, backToMapping, commit } = useImports();
  const report = item.preview!;
  const kinds = PROBLEM_KINDS.filter((k) => report.problems[k]);
  const skippedByChoice = kinds.filter((k) => item.problemActions[k] === 'skip');
  return (
    <section className="wizard__step" data-testid="review-step">
      {report.alreadyImported ? (
        <p className="notice notice--warning" data-testid="already-imported">
          This very file was already imported the same way (import #{report.alreadyImported.batchId}).
          Importing it again would change nothing.
        </p>
      ) : (
        <dl className="counts" data-testid="preview-counts">
          <div>
            <dt>rows</dt>
            <dd>{formatCount(report.rowsRead)}</dd>
          </div>
          <div>
            <dt>new</dt>
            <dd data-testid="preview-new">{formatCount(report.inserted)}</dd>
          </div>
          <div>
            <dt>update</dt>
            <dd>{formatCount(report.updated)}</dd>
          </div>
          <div>
            <dt>unchanged</dt>
            <dd>{formatCount(report.unchanged)}</dd>
          </div>
          <div>
            <dt>skipped</dt>
            <dd>{formatCount(report.skipped)}</dd>
          </div>
        </dl>
      )}
      {kinds.length > 0 && (
        <div className="problems" data-testid="problems">
          <h4>Problems found</h4>
          {kinds.map((kind) => (
            <div key={kind} className="problem" data-testid={`problem-${kind}`}>
              <div className="problem__head">
                <strong>{PROBLEM_LABELS[kind]}</strong>
                <span data-testid="problem-count">{formatCount(report.problems[kind] ?? 0)} rows</span>
              </div>
              <ul className="problem__samples">
                {(report.problemSamples[kind] ?? []).map((s) => (
                  <li key={`${s.row}-${s.column}`}>
                    row {s.row}
                    {s.column && `, ${s.column}`}
                    {s.value && `: “${s.value}”`}
                  </li>
                ))}
              </ul>
              <div
                className="problem__choice"
                role="radiogroup"
                aria-label={`What to do: ${PROBLEM_LABELS[kind]}`}
              >
                <label>
                  <input
                    type="radio"
                    name={`${item.key}-${kind}`}
                    checked={item.problemActions[kind] !== 'skip'}
                    onChange={() => setProblemAction(item.key, kind, 'flag')}
                  />
                  Import them, flagged
                </label>
                <label>
                  <input
                    type="radio"
                    name={`${item.key}-${kind}`}
                    checked={item.problemActions[kind] === 'skip'}
                    data-testid="skip-kind"
                    onChange={() => setProblemAction(item.key, kind, 'skip')}
                  />
                  Skip those rows
                </label>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => backToMapping(item.key)}
                >
                  Fix the mapping
                </button>
              </div>
            </div>
          ))}
        </div>
      )}
      <h4>The first rows as they will be stored</h4>
      <PreviewTable report={report} />
      {item.error && (
        <p className="field-error" role="alert" data-testid="review-error">
          {item.error}
        </p>
      )}
      <div className="wizard__actions">
        <button type="button" className="button" onClick={() => backToMapping(item.key)}>
          Back to mapping
        </button>
        {!report.alreadyImported && (
          <button
            type="button"
            className="button button--primary"
            data-testid="start-import"
            onClick={() => void commit(item.key)}
          >
            Import {formatCount(report.rowsRead)} rows
            {skippedByChoice.length > 0 && ' (skipping the chosen problems)'}
          </button>
        )}
      </div>
    </section>
  );
}
