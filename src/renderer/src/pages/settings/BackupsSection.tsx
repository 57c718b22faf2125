import { useState } from 'react';
import type { BackupsState, CheckReport, RestoreReport } from '@shared/domain/backups';
import type { BackupSettings } from '@shared/domain/settings/backups';
import { api, unwrap } from '../../api';
import { BackupList } from '../../components/BackupList';
import { useDataVersion } from '../../hooks/useDataVersion';
import { useLoaded } from '../../hooks/useLoaded';

/**
 * Backups: the daily backup (on/off, how many kept), Back up now, the list with Restore, and the
 * database check.
 */
export function BackupsSection() {
  const version = useDataVersion();
  const [nudge, setNudge] = useState(0);
  const { value } = useLoaded<{ state: BackupsState; settings: BackupSettings }>(
    `backups:${version}:${nudge}`,
    () =>
      Promise.all([unwrap(api().backups.list()), unwrap(api().settings.all())]).then(([state, all]) => ({
        state,
        settings: all.backups,
      })),
  );
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckReport | null>(null);
  const run = (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    work().then(
      (text) => {
        setBusy(false);
        setMessage(text);
        setNudge((n) => n + 1);
      },
      (e: Error) => {
        setBusy(false);
        setError(e.message);
      },
    );
  };
  const save = (settings: BackupSettings) =>
    run(() => unwrap(api().settings.update({ section: 'backups', value: settings })).then(() => 'Saved.'));
  const restored = (report: RestoreReport) => {
    const kept = [
      report.erasuresReapplied && `${report.erasuresReapplied} people erased since were erased again`,
      report.suppressionsCarried &&
        `${report.suppressionsCarried} do-not-contact entries added since were kept`,
      report.quotaEntriesCarried && `${report.quotaEntriesCarried} quota entries booked since were kept`,
    ].filter(Boolean);
    setMessage(
      `Restored the backup. The database as it was is kept as ${report.safetyCopy ?? 'a backup'}` +
        (kept.length ? `; ${kept.join('; ')}.` : '.'),
    );
    setNudge((n) => n + 1);
  };
  if (!value) return null;
  const { state, settings } = value;
  return (
    <section className="card" data-testid="backups-section">
      <h3>Backups</h3>
      <p className="muted">
        Copies of the whole database, made with SQLite’s online backup while you work, in{' '}
        <code>{state.folder}</code>.
      </p>
      <label className="field field--inline field--wide">
        <input
          type="checkbox"
          checked={settings.daily}
          onChange={(e) => save({ ...settings, daily: e.target.checked })}
          data-testid="backup-daily"
        />
        <span>Back up every day, keeping the last</span>
        <input
          type="number"
          min={1}
          max={60}
          className="input--short"
          defaultValue={settings.keep}
          key={settings.keep}
          onBlur={(e) => {
            const keep = Number(e.target.value);
            if (Number.isInteger(keep) && keep >= 1 && keep <= 60 && keep !== settings.keep)
              save({ ...settings, keep });
          }}
          data-testid="backup-keep"
        />
        <span>daily backups</span>
      </label>
      <div className="row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => run(() => unwrap(api().backups.create()).then((b) => `Backed up (${b.name}).`))}
          data-testid="backup-now"
        >
          Back up now
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            run(() =>
              unwrap(api().db.check({ full: true })).then((report) => {
                setCheck(report);
                return report.ok ? `The database is sound (checked in ${report.seconds.toFixed(1)} s).` : '';
              }),
            )
          }
          data-testid="db-check"
        >
          Check the database
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void api().system.showInFolder({ path: state.folder })}
        >
          Show the folder
        </button>
      </div>
      {message && (
        <p className="notice" role="status" data-testid="backups-message">
          {message}
        </p>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="backups-error">
          {error}
        </p>
      )}
      {check && !check.ok && (
        <div className="notice notice--warning" role="alert" data-testid="check-problems">
          <p>SQLite found problems in the database. Restore a backup below.</p>
          <ul>
            {check.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </div>
      )}
      <BackupList backups={state.backups} onRestored={restored} />
    </section>
  );
}
