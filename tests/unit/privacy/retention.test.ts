import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/database';
import { previewRetention, purgeUnverified } from '../../../src/main/core/privacy/retention';
import { count, freshDb } from '../../helpers/importing';
import { handClock } from '../../helpers/tables';

const OLD = '2025-01-01T00:00:00.000Z';
const RECENT = '2025-05-25T00:00:00.000Z';

function person(db: Db, name: string, createdAt: string, extra: Record<string, unknown> = {}): number {
  const row = {
    full_name: name,
    name_key: name.toLowerCase(),
    discovery_source: 'import',
    connection_degree: null,
    crm_id: null,
    approval: null,
    merged_into: null,
    created_at: createdAt,
    updated_at: createdAt,
    ...extra,
  };
  const columns = Object.keys(row);
  return Number(
    db
      .prepare(
        `INSERT INTO contacts (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      )
      .run(row).lastInsertRowid,
  );
}

function action(db: Db, contactId: number, status: string, events: string[] = []): void {
  const id = Number(
    db
      .prepare(
        `INSERT INTO outreach_actions (contact_id, kind, status, created_at, updated_at) VALUES (?, 'invite', ?, ?, ?)`,
      )
      .run(contactId, status, OLD, OLD).lastInsertRowid,
  );
  for (const event of events)
    db.prepare(`INSERT INTO outreach_events (action_id, status, at) VALUES (?, ?, ?)`).run(id, event, OLD);
}

describe('the retention rule', () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  const clock = handClock('2025-06-01T00:00:00Z');
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
  });
  afterEach(() => fresh.cleanup());

  it('purges exactly the unverified contacts older than N days', () => {
    const purged = {
      plain: person(db, 'Old Unverified', OLD),
      unverifiedEmail: person(db, 'Old Guessed', OLD, { email: 'guess@acme.com' }),
      onlyPlanned: person(db, 'Old Planned', OLD),
      rejected: person(db, 'Old Rejected', OLD, { approval: 'rejected' }),
      secondDegree: person(db, 'Old Second Degree', OLD, {
        discovery_source: 'search',
        connection_degree: 2,
      }),
    };
    const mergedAway = person(db, 'Old Unverified Copy', OLD, { merged_into: purged.plain });
    db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (?, 'guess@acme.com', 'pattern', 60, 'unknown', ?)`,
    ).run(purged.unverifiedEmail, OLD);
    action(db, purged.onlyPlanned, 'planned');
    action(db, purged.rejected, 'skipped');

    const kept = {
      recent: person(db, 'Recent Unverified', RECENT),
      verified: person(db, 'Old Verified', OLD),
      approved: person(db, 'Old Approved', OLD, { approval: 'approved' }),
      approvedOnce: person(db, 'Old Approved Once', OLD, { approval: 'rejected' }),
      contacted: person(db, 'Old Contacted', OLD),
      contactedThenReset: person(db, 'Old Sent Then Planned', OLD),
      connection: person(db, 'Old Connection', OLD, { discovery_source: 'connection' }),
      firstDegree: person(db, 'Old First Degree', OLD, { discovery_source: 'search', connection_degree: 1 }),
      inCrm: person(db, 'Old In CRM', OLD, { crm_id: '003XYZ' }),
    };
    db.prepare(
      `INSERT INTO contact_emails (contact_id, email, source, confidence, status, created_at) VALUES (?, 'v@acme.com', 'hunter', 95, 'verified', ?)`,
    ).run(kept.verified, OLD);
    db.prepare(
      `INSERT INTO approvals (contact_id, decision, data_hash, decided_at) VALUES (?, 'approved', 'h', ?)`,
    ).run(kept.approvedOnce, OLD);
    action(db, kept.contacted, 'no_response');
    action(db, kept.contactedThenReset, 'planned', ['sent']);

    const preview = previewRetention(db, 30, clock);
    expect(preview.count).toBe(Object.keys(purged).length);
    expect(preview.sample.map((s) => s.id).sort((a, b) => a - b)).toEqual(Object.values(purged));

    const report = purgeUnverified(db, 30, clock);
    expect(report.purged).toBe(Object.keys(purged).length);
    const left = db.prepare('SELECT id FROM contacts ORDER BY id').pluck().all();
    expect(left).toEqual(Object.values(kept));
    expect(count(db, 'contacts', `id = ${mergedAway}`)).toBe(0);
    expect(count(db, 'outreach_actions', `status = 'planned' AND contact_id = ${purged.onlyPlanned}`)).toBe(
      0,
    );
    expect(count(db, 'contact_emails', `email = 'guess@acme.com'`)).toBe(0);

    const audit = db
      .prepare(`SELECT actor, details FROM audit_log WHERE action = 'privacy.retention_purged'`)
      .all() as { actor: string; details: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('system');
    expect(JSON.parse(audit[0]!.details)).toMatchObject({
      people: 5,
      contacts: 6,
      ids: Object.values(purged),
      // Every record erased, the one merged into a purged person too (a restore purges each again).
      records: [...Object.values(purged), mergedAway],
    });
    expect(audit[0]!.details).not.toContain('Old');

    // Run again: nothing more goes.
    expect(purgeUnverified(db, 30, clock).purged).toBe(0);
  });

  it('keeps everything when the rule is off (0 days), and counts a day by the clock', () => {
    person(db, 'Old Unverified', OLD);
    person(db, 'Exactly Thirty Days', '2025-05-02T00:00:00.000Z');
    expect(previewRetention(db, 0, clock).count).toBe(0);
    expect(purgeUnverified(db, 0, clock).purged).toBe(0);
    expect(previewRetention(db, 30, clock).count).toBe(1);
    clock.advance(1);
    expect(previewRetention(db, 30, clock).count).toBe(2);
  });
});
