import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { JobSnapshot } from '@shared/domain/jobs';
import { formatCount, formatDuration } from '@shared/domain/format';
import { selectVisibleJobs, useJobs } from '../stores/jobsStore';
import { ProgressBar } from './ProgressBar';
import { DiscoveryStatus } from './DiscoveryStatus';

const STATUS_TEXT: Record<JobSnapshot['status'], string> = {
  queued: 'Waiting',
  running: 'Running',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled — nothing was kept',
  interrupted: 'Interrupted — nothing was kept',
};

function JobLine({ job }: { job: JobSnapshot }) {
  const cancel = useJobs((s) => s.cancel);
  const active = job.status === 'running' || job.status === 'queued';
  return (
    <li className={`job job--${job.status}`} data-testid="job" data-job-id={job.id} data-status={job.status}>
      <div className="job__head">
        <span className="job__label">{job.label}</span>
        <span className="job__status" data-testid="job-status">
          {STATUS_TEXT[job.status]}
        </span>
      </div>
      {active && <ProgressBar done={job.done} total={job.total} label={job.label} />}
      <div className="job__figures">
        {(job.done > 0 || job.total !== null) && (
          <span data-testid="job-count">
            {formatCount(job.done)}
            {job.total !== null && ` of ${formatCount(job.total)}`} {job.unit}
          </span>
        )}
        {job.status === 'running' && (
          <>
            <span data-testid="job-rate">
              {job.rate === null ? '—' : `${formatCount(Math.round(job.rate))} ${job.unit}/s`}
            </span>
            <span data-testid="job-eta">
              {job.etaSeconds === null ? 'estimating…' : `${formatDuration(job.etaSeconds)} left`}
            </span>
          </>
        )}
        {job.error && <span className="job__error">{job.error}</span>}
        {active && (
          <button
            type="button"
            className="button button--small"
            data-testid="job-cancel"
            onClick={() => void cancel(job.id)}
          >
            Cancel
          </button>
        )}
      </div>
    </li>
  );
}

/** The status area: every running job with its progress, rate, time left and Cancel. */
export function StatusBar() {
  const jobs = useJobs(useShallow(selectVisibleJobs));
  const start = useJobs((s) => s.start);
  useEffect(() => start(), [start]);
  return (
    <footer className="status-bar" data-testid="status-bar" aria-live="polite">
      <DiscoveryStatus />
      {jobs.length === 0 ? (
        <span className="status-bar__idle">No jobs running.</span>
      ) : (
        <ul className="job-list">
          {jobs.map((job) => (
            <JobLine key={job.id} job={job} />
          ))}
        </ul>
      )}
    </footer>
  );
}
