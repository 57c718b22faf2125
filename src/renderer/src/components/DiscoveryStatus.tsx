import { DISCOVERY_RUN_LABELS, type DiscoveryRun } from '@shared/domain/linkedin';
import { formatCount } from '@shared/domain/format';
import { useDiscoveryRuns } from '../hooks/useDiscoveryRuns';
import { useNav } from '../stores/navStore';
import { ProgressBar } from './ProgressBar';

/** Runs the seller should know about wherever they are: going, or stopped and waiting for them. */
const SHOWN: ReadonlySet<DiscoveryRun['status']> = new Set(['running', 'waiting']);

/**
 * Discovery runs in the status area beside the jobs. A run is not a job (the LinkedIn browser
 * belongs to the core, not to a job thread), but the seller expects long work to show here: its
 * progress, and a run waiting at a captcha or a login wall, with the way to the Discover page.
 */
export function DiscoveryStatus() {
  const { runs } = useDiscoveryRuns();
  const go = useNav((s) => s.go);
  const shown = runs.filter((r) => SHOWN.has(r.status));
  if (shown.length === 0) return null;
  return (
    <ul className="job-list">
      {shown.map((run) => (
        <li
          key={run.id}
          className={`job job--${run.status}`}
          data-testid="discovery-status"
          data-status={run.status}
        >
          <div className="job__head">
            <span className="job__label">{run.label}</span>
            <span className="job__status">{DISCOVERY_RUN_LABELS[run.status]}</span>
          </div>
          {run.status === 'running' && <ProgressBar done={run.done} total={run.total} label={run.label} />}
          <div className="job__figures">
            <span>
              {formatCount(run.done)} of {formatCount(run.total)} companies · {formatCount(run.added)} new
              contacts
              {run.current ? ` · reading ${run.current}` : ''}
            </span>
            {run.message && <span className="job__error">{run.message}</span>}
            <button type="button" className="button button--small" onClick={() => go('discover')}>
              Open Discover
            </button>
          </div>
        </li>
      ))}
    </ul>
  );
}
