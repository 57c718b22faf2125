import { useEffect, useState } from 'react';
import {
  DISCOVERY_RUN_LABELS,
  type DiscoveryRun,
  type LinkedInReadReport,
  type SessionStatus,
} from '@shared/domain/linkedin';
import { formatCount } from '@shared/domain/format';
import { Page } from '../components/Page';
import { api, unwrap } from '../api';
import { BrowserFound } from './settings/LinkedInSettings';
import { useDiscoveryRuns } from '../hooks/useDiscoveryRuns';
import { ProgressBar } from '../components/ProgressBar';

const STATE_LABELS: Record<SessionStatus['state'], string> = {
  not_running: 'Not running',
  starting: 'Opening…',
  waiting_for_sign_in: 'Waiting for you to sign in',
  ready: 'Ready',
  stopped: 'Stopped',
};

/** The browser session: its state in words, and what the seller can do with it now. */
function SessionCard({
  status,
  onError,
  onReport,
}: {
  status: SessionStatus;
  onError(message: string | null): void;
  onReport(text: string): void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const act = async (what: string, work: () => Promise<unknown>) => {
    setBusy(what);
    onError(null);
    try {
      await work();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const report = (r: LinkedInReadReport, what: string) =>
    onReport(
      what === 'connections'
        ? `Read ${formatCount(r.read)} connections; ${formatCount(r.marked)} of your contacts are now marked as existing connections.`
        : `Read ${formatCount(r.read)} leads${r.listName ? ` from “${r.listName}”` : ''}: ${formatCount(r.added)} new contacts, ${formatCount(r.updated)} updated.`,
    );
  const running = status.state !== 'not_running';
  return (
    <section className="card linkedin-session" data-testid="linkedin-session">
      <h3>
        LinkedIn browser{' '}
        <span className={`badge session-state session-state--${status.state}`} data-testid="linkedin-state">
          {STATE_LABELS[status.state]}
        </span>
      </h3>
      <p
        className={status.state === 'stopped' ? 'notice notice--warning' : 'muted'}
        data-testid="linkedin-message"
      >
        {status.message}
      </p>
      <BrowserFound browser={status.browser} />
      <div className="row">
        {!running && (
          <button
            type="button"
            className="button button--primary"
            disabled={!status.browser.found || busy !== null}
            data-testid="linkedin-open"
            onClick={() => void act('open', () => unwrap(api().linkedin.open()))}
          >
            Open LinkedIn browser
          </button>
        )}
        {status.state === 'stopped' && (
          <button
            type="button"
            className="button button--primary"
            data-testid="linkedin-continue"
            onClick={() => void act('continue', () => unwrap(api().linkedin.continue()))}
          >
            I dealt with it — Continue
          </button>
        )}
        {status.state === 'ready' && (
          <>
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              data-testid="read-connections"
              onClick={() =>
                void act('connections', async () =>
                  report(await unwrap(api().linkedin.readConnections()), 'connections'),
                )
              }
            >
              {busy === 'connections' ? 'Reading connections…' : 'Mark my existing connections'}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy !== null}
              data-testid="import-lead-list"
              onClick={() =>
                void act('leads', async () => report(await unwrap(api().linkedin.importLeadList()), 'leads'))
              }
            >
              {busy === 'leads' ? 'Reading the list…' : 'Import the open Sales Navigator list'}
            </button>
          </>
        )}
        {running && (
          <button
            type="button"
            className="button"
            data-testid="linkedin-close"
            onClick={() => void act('close', () => unwrap(api().linkedin.close()))}
          >
            Close browser
          </button>
        )}
      </div>
    </section>
  );
}

function RunRow({ run, onError }: { run: DiscoveryRun; onError(message: string | null): void }) {
  const act = (work: () => Promise<unknown>) => {
    onError(null);
    work().catch((e: Error) => onError(e.message));
  };
  const open = run.status === 'running' || run.status === 'paused' || run.status === 'waiting';
  return (
    <li className={`discovery-run discovery-run--${run.status}`} data-testid={`run-${run.id}`}>
      <div className="discovery-run__head">
        <strong>{run.label}</strong>
        <span className="badge" data-testid="run-status">
          {DISCOVERY_RUN_LABELS[run.status]}
        </span>
      </div>
      <ProgressBar done={run.done + run.failed} total={run.total} label={run.label} />
      <p className="muted" data-testid="run-progress">
        {formatCount(run.done)} of {formatCount(run.total)} companies
        {run.failed > 0 ? ` (${formatCount(run.failed)} could not be read)` : ''} · {formatCount(run.found)}{' '}
        ATL people found · {formatCount(run.added)} new contacts · {formatCount(run.updated)} updated
        {run.skipped > 0 ? ` · ${formatCount(run.skipped)} left out (they work elsewhere now)` : ''}
        {run.current ? ` · reading ${run.current}` : ''}
      </p>
      {run.message && (
        <p
          className={run.status === 'waiting' ? 'notice notice--warning' : 'muted'}
          data-testid="run-message"
        >
          {run.message}
        </p>
      )}
      {open && (
        <div className="row">
          {run.status === 'running' ? (
            <button
              type="button"
              className="button button--small"
              data-testid="run-pause"
              onClick={() => act(() => unwrap(api().discovery.pause({ id: run.id })))}
            >
              Pause
            </button>
          ) : (
            <button
              type="button"
              className="button button--small"
              data-testid="run-resume"
              onClick={() => act(() => unwrap(api().discovery.resume({ id: run.id })))}
            >
              Resume
            </button>
          )}
          <button
            type="button"
            className="button button--small"
            data-testid="run-cancel"
            onClick={() => act(() => unwrap(api().discovery.cancel({ id: run.id })))}
          >
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * Discover: the LinkedIn browser session, and discovery runs over chosen companies (the top by ICP
 * score without an ATL contact yet), each with its progress, pause, resume and cancel.
 */
export function DiscoverPage() {
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [limit, setLimit] = useState(50);
  const [error, setError] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const { runs, show } = useDiscoveryRuns(setError);
  useEffect(() => {
    void unwrap(api().linkedin.status()).then(setStatus, (e: Error) => setError(e.message));
    return api().on('linkedin.session', setStatus);
  }, []);
  const start = async () => {
    setError(null);
    try {
      const run = await unwrap(api().discovery.start({ kind: 'top', limit }));
      show(run);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const busy = runs.some((r) => r.status === 'running');
  return (
    <Page id="discover" title="Discover">
      <div className="stack">
        {error && (
          <p className="field-error" role="alert" data-testid="discover-error">
            {error}
          </p>
        )}
        {info && (
          <p className="muted" role="status" data-testid="discover-info">
            {info}
          </p>
        )}
        {status && <SessionCard status={status} onError={setError} onReport={setInfo} />}
        <section className="card" data-testid="discovery-start">
          <h3>Find above-the-line people</h3>
          <p className="muted">
            Searches LinkedIn for decision makers at your best companies that have none yet, one company at a
            time, paced like a person, inside your working hours and daily limits. It stops and waits for you
            if LinkedIn asks you to sign in or prove it is you.
          </p>
          <div className="row">
            <label className="field field--number">
              <span>Top companies by ICP score, without an ATL contact</span>
              <input
                type="number"
                min={1}
                max={500}
                value={limit}
                data-testid="discovery-limit"
                onChange={(e) => setLimit(Math.max(1, Math.min(500, Number(e.target.value) || 1)))}
              />
            </label>
            <button
              type="button"
              className="button button--primary"
              disabled={status?.state !== 'ready' || busy}
              data-testid="discovery-run"
              onClick={() => void start()}
            >
              Start discovery
            </button>
          </div>
        </section>
        {runs.length > 0 && (
          <section className="card">
            <h3>Runs</h3>
            <ul className="discovery-runs" data-testid="discovery-runs">
              {runs.map((run) => (
                <RunRow key={run.id} run={run} onError={setError} />
              ))}
            </ul>
          </section>
        )}
      </div>
    </Page>
  );
}
