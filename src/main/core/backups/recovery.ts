import { fail, ok, toAppError, type AppError, type Result } from '@shared/contract/result';
import { RECOVERY_CALLS } from '@shared/contract/backups';
import type { CallName } from '@shared/contract';
import type { Clock } from '../clock';
import { backupPath, backupsState } from './backupStore';
import { restoreOverDamaged } from './restore';
import { exclusively } from './exclusive';

/**
 * What the core answers while its database cannot be opened: why (`db.startup`), which backups
 * there are, and a restore — over the damaged file, which is set aside, never deleted. After a
 * restore the worker opens the core again (`reopen`). Every other call gets the startup error.
 * A database from a newer version is not offered a restore: an older backup would lose the newer
 * work, and updating the app is the fix.
 */
export async function answerInRecovery(
  name: CallName,
  input: unknown,
  startupError: AppError,
  options: { dbPath: string; clock: Clock; reopen(): Promise<AppError | null> },
): Promise<Result<unknown>> {
  if (!RECOVERY_CALLS.includes(name)) return { ok: false, error: startupError };
  try {
    if (name === 'db.startup') return ok({ state: 'failed', error: startupError });
    if (name === 'backups.list') return ok(backupsState(options.dbPath));
    if (startupError.code !== 'database_corrupt')
      return fail('not_allowed', 'Restoring is offered for a damaged database only. ' + startupError.message);
    const backupName = (input as { name: string }).name;
    const file = backupPath(options.dbPath, backupName);
    if (!file) return fail('not_found', `There is no backup named ${backupName} in the backups folder.`);
    return await exclusively('restore', async () => {
      const report = await restoreOverDamaged(options.dbPath, file, options.clock);
      const reopenError = await options.reopen();
      return reopenError ? { ok: false as const, error: reopenError } : ok(report);
    });
  } catch (error) {
    return { ok: false, error: toAppError(error) };
  }
}
