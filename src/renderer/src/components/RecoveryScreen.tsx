import { useEffect, useState } from 'react';
import type { AppError } from '@shared/contract/result';
import type { BackupsState } from '@shared/domain/backups';
import { api, unwrap } from '../api';
import { BackupList } from './BackupList';

/**
 * What the window shows when the core could not open the database: the reason in plain words and,
 * for a damaged file, the backups to restore. Restoring sets the damaged file aside (it is kept)
 * and opens the app on the restored one.
 */
export function RecoveryScreen({ error }: { error: AppError }) {
  const [state, setState] = useState<BackupsState | null>(null);
  const damaged = error.code === 'database_corrupt';
  useEffect(() => {
    if (!damaged) return;
    unwrap(api().backups.list()).then(setState, () => undefined);
  }, [damaged]);
  return (
    <main className="recovery" data-testid="recovery">
      <section className="card recovery__card">
        <h1>{damaged ? 'The database is damaged' : 'Prospect Desk cannot open its database'}</h1>
        <p data-testid="recovery-message">{error.message}</p>
        {damaged && (
          <>
            <h2>Restore a backup</h2>
            {state && (
              <>
                <p className="muted">
                  Backups are in <code>{state.folder}</code>. The damaged file is kept beside the database,
                  renamed, in case you need something from it.
                </p>
                <BackupList backups={state.backups} onRestored={() => window.location.reload()} />
                {state.backups.length === 0 && (
                  <p>
                    There is no backup to restore. Close Prospect Desk and move the damaged file away to start
                    with an empty database, or restore a copy of your own with{' '}
                    <code>npm run cli -- db restore FILE --yes</code>.
                  </p>
                )}
              </>
            )}
          </>
        )}
      </section>
    </main>
  );
}
