import type { LinkedInReadReport } from '@shared/domain/linkedin';
import type { CoreContext } from '../context';
import type { Db } from '../db/database';
import type { DiscoveredPerson } from '../linkedin/types';
import { companyNameKey } from '../normalize/companyName';
import { markConnections, saveDiscovered } from './saveDiscovered';

/** The seller's connections page: marks every known contact who is already a connection. */
export async function readConnectionsNow(ctx: CoreContext): Promise<LinkedInReadReport> {
  const session = ctx.linkedin.sessions.ready();
  try {
    const { people } = await session.readConnections();
    const marked = markConnections(ctx.db, people, ctx.clock.now().toISOString());
    return { read: people.length, added: 0, updated: marked, marked };
  } finally {
    ctx.linkedin.sessions.notify();
  }
}

/** The company a lead list names, found by its name, or added (a lead list is the seller's own choice). */
function companyFor(db: Db, name: string | null, now: string): number | null {
  if (!name) return null;
  const key = companyNameKey(name);
  if (!key) return null;
  const found = db
    .prepare('SELECT id FROM companies WHERE name_key = ? AND merged_into IS NULL ORDER BY id LIMIT 1')
    .pluck()
    .get(key) as number | undefined;
  if (found !== undefined) return found;
  return Number(
    db
      .prepare('INSERT INTO companies (name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(name, key, now, now).lastInsertRowid,
  );
}

/**
 * The Sales Navigator lead list the seller has open: every lead through the same dedupe as
 * discovery, at their company (found by name, or added). One transaction for the whole list.
 */
export async function importOpenLeadList(ctx: CoreContext): Promise<LinkedInReadReport> {
  const session = ctx.linkedin.sessions.ready();
  let result;
  try {
    result = await session.readLeadList();
  } finally {
    ctx.linkedin.sessions.notify();
  }
  const now = ctx.clock.now().toISOString();
  const byCompany = new Map<string, DiscoveredPerson[]>();
  for (const person of result.people) {
    const key = person.company ?? '';
    byCompany.set(key, [...(byCompany.get(key) ?? []), person]);
  }
  let added = 0;
  let updated = 0;
  ctx.db.transaction(() => {
    for (const [company, people] of byCompany) {
      const report = saveDiscovered(ctx.db, people, companyFor(ctx.db, company || null, now), now);
      added += report.added;
      updated += report.updated;
    }
  })();
  return { read: result.people.length, added, updated, marked: 0, listName: result.listName };
}
