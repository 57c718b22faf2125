import { AppFailure } from '@shared/contract/result';
import type { CoreHandler } from '../handlers';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit/audit';
import { checkDatabase } from '../db/check';
import { backupPath, backupsState, createBackup } from './backupStore';
import { restoreIntoLive } from './restore';
import { exclusively } from './exclusive';

/** Restores a backup the seller picked by name, while the core keeps its connection open. */
async function restore(ctx: CoreContext, name: string) {
  const file = backupPath(ctx.db.name, name);
  if (!file) throw new AppFailure('not_found', `There is no backup named ${name} in the backups folder.`);
  if (ctx.jobs.busy())
    throw new AppFailure('busy', 'A job is running. Restore the backup when it has finished (or cancel it).');
  if (ctx.linkedin.runner.activeRunId !== null)
    throw new AppFailure('busy', 'A LinkedIn discovery run is going. Pause it, then restore the backup.');
  const release = ctx.jobs.hold('A backup is being restored; start this again when it has finished.');
  let report;
  try {
    report = await restoreIntoLive(ctx.db, file, { clock: ctx.clock });
    // Jobs recorded as running in the backup never finished there.
    ctx.jobs.resync();
    ctx.jobs.recoverInterrupted();
  } finally {
    release();
  }
  ctx.emit('data.changed', { scope: 'restore' });
  return report;
}

export const backupHandlers = {
  'db.startup': (() => ({ state: 'ready' as const })) satisfies CoreHandler<'db.startup'>,
  'db.check': ((input, ctx) =>
    checkDatabase(ctx.db, input?.full ? 'full' : 'quick')) satisfies CoreHandler<'db.check'>,
  'backups.list': ((_input, ctx) => backupsState(ctx.db.name)) satisfies CoreHandler<'backups.list'>,
  'backups.create': ((_input, ctx) =>
    exclusively('backup', async () => {
      const backup = await createBackup(ctx.db, 'manual', ctx.clock);
      recordAudit(
        ctx.db,
        { action: 'backup.created', details: { name: backup.name, bytes: backup.bytes } },
        ctx.clock,
      );
      return backup;
    })) satisfies CoreHandler<'backups.create'>,
  'backups.restore': ((input, ctx) =>
    exclusively('restore', () => restore(ctx, input.name))) satisfies CoreHandler<'backups.restore'>,
};
