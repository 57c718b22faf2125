import type { Db } from '../db/database';

/**
 * Runs `work` inside one write transaction that may span awaits (streaming a file, say).
 *
 * Only for job workers: it is safe there because the job's connection belongs to that worker alone,
 * so nothing else can slip a statement into the open transaction. Never use it on the core
 * worker's shared connection — there every call would join the transaction. On any throw
 * (including a cancel) the transaction is rolled back and the database is as it was.
 */
export async function withLongTransaction<T>(db: Db, work: () => Promise<T>): Promise<T> {
  db.exec('BEGIN IMMEDIATE');
  try {
    const result = await work();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
