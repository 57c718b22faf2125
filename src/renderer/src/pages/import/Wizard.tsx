import { useJobs } from '../../stores/jobsStore';
import { useImports, type QueueItem } from '../../stores/importStore';
import { ProgressBar } from '../../components/ProgressBar';
import { formatCount } from '@shared/domain/format';
import { MappingStep } from './MappingStep';
import { ReviewStep } from './ReviewStep';
import { ImportReportCard } from './DoneStep';

const STEPS = [
  { id: 'map', label: 'Map columns' },
  { id: 'check', label: 'Check' },
  { id: 'import', label: 'Import' },
] as const;

function stepOf(item: QueueItem): (typeof STEPS)[number]['id'] {
  if (item.step === 'review' || item.step === 'checking') return 'check';
  if (item.step === 'importing' || item.step === 'done') return 'import';
  return 'map';
}

function Importing({ item }: { item: QueueItem }) {
  const job = useJobs((s) => (item.jobId === null ? undefined : s.jobs[item.jobId]));
  const cancel = useJobs((s) => s.cancel);
  return (
    <section className="wizard__step" data-testid="importing-step">
      <p>Importing {item.fileName}… The window stays usable; the status bar shows this too.</p>
      {job && (
        <>
          <ProgressBar done={job.done} total={job.total} label={job.label} />
          <p className="muted" data-testid="import-progress">
            {formatCount(job.done)} rows{job.total ? ` of about ${formatCount(job.total)}` : ''}
          </p>
          <button
            type="button"
            className="button"
            data-testid="cancel-import"
            onClick={() => void cancel(job.id)}
          >
            Cancel — nothing is kept
          </button>
        </>
      )}
    </section>
  );
}

/** The wizard for one queued file: map, check (dry run), import, with the report and Undo at the end. */
export function Wizard({ item }: { item: QueueItem }) {
  const history = useImports((s) => s.history);
  const current = stepOf(item);
  const undone = history.some((b) => b.id === item.report?.batchId && b.status === 'undone');
  return (
    <div className="wizard" data-testid="wizard">
      <header className="wizard__header">
        <h2>{item.fileName}</h2>
        <ol className="steps">
          {STEPS.map((s) => (
            <li key={s.id} className={s.id === current ? 'steps__item steps__item--current' : 'steps__item'}>
              {s.label}
            </li>
          ))}
        </ol>
      </header>
      {item.step === 'reading' && <p className="muted">Reading the first rows…</p>}
      {item.step === 'checking' && <p className="muted">Checking every row (nothing is saved yet)…</p>}
      {item.step === 'failed' && (
        <p className="notice notice--warning" role="alert" data-testid="import-error">
          {item.error}
        </p>
      )}
      {item.step === 'mapping' && item.inspect && <MappingStep item={item} />}
      {item.step === 'review' && item.preview && <ReviewStep item={item} />}
      {item.step === 'importing' && <Importing item={item} />}
      {item.step === 'done' && item.report && <ImportReportCard report={item.report} undone={undone} />}
    </div>
  );
}
