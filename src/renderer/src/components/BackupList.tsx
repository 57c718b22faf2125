import { useState } from 'react';
import type { BackupInfo, RestoreReport } from '@shared/domain/backups';
import { formatBytes } from '@shared/domain/format';
import { api, unwrap } from '../api';

const KIND_TEXT: Record<BackupInfo['kind'], string> = {
  daily: 'Daily',
  manual: 'Made by you',
  'before-restore': 'Before a restore',
};

const when = (iso: string) => new Date(iso).toLocaleString();

/**
 * The backups, newest first, each with Restore — which asks first, says what it will replace, and
 * reports what it did. Used by Settings and by the window shown when the database is damaged.
 */
export function BackupList({
  backups,
  onRestored,
}: {
  backups: BackupInfo[];
  onRestored(report: RestoreReport): void;
}) {
  const [asking, setAsking] = useState<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (backups.length === 0) return <p className="muted">No backups yet.</p>;
  const restore = (name: string) => {
    setRestoring(true);
    setError(null);
    unwrap(api().backups.restore({ name })).then(
      (report) => {
        setRestoring(false);
        setAsking(null);
        onRestored(report);
      },
      (e: Error) => {
        setRestoring(false);
        setError(e.message);
      },
    );
  };
  return (
    <>
      {error && (
        <p className="field-error" role="alert" data-testid="restore-error">
          {error}
        </p>
      )}
      <table className="history-table backup-list" data-testid="backup-list">
        <thead>
          <tr>
            <th>Taken</th>
            <th>Kind</th>
            <th>Size</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.name} data-testid="backup-row" data-name={b.name}>
              <td title={b.name}>{when(b.createdAt)}</td>
              <td>{KIND_TEXT[b.kind]}</td>
              <td>{formatBytes(b.bytes)}</td>
              <td>
                {asking === b.name ? (
                  <div
                    className="confirm"
                    role="alertdialog"
                    aria-label="Restore this backup?"
                    data-testid="restore-confirm"
                  >
                    <span>
                      Replace everything with this backup from {when(b.createdAt)}? Work since then is
                      replaced; the database as it is now is backed up first.
                    </span>
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={restoring}
                      onClick={() => restore(b.name)}
                      data-testid="restore-yes"
                    >
                      {restoring ? 'Restoring…' : 'Restore'}
                    </button>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={restoring}
                      onClick={() => setAsking(null)}
                    >
                      Cancel
                    </button>
                  </div>
                ) : (
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => setAsking(b.name)}
                    data-testid="restore"
                  >
                    Restore…
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
