import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/database';
import { listAudit } from '../../../src/main/core/audit/auditLog';
import { recordAudit } from '../../../src/main/core/audit/audit';
import { auditKindOf } from '../../../src/shared/domain/audit';
import { freshDb } from '../../helpers/importing';
import { handClock } from '../../helpers/tables';
import { writeSettings } from '../../../src/main/core/settings/settingsStore';
import { calls } from '../../../src/shared/contract';

describe('the audit log page', () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
    const clock = handClock('2025-06-01T10:00:00Z');
    const entries: [string, string][] = [
      ['import.committed', '2025-06-01T10:00:00Z'],
      ['contact.merged', '2025-06-01T11:00:00Z'],
      ['leads.approved', '2025-06-02T09:00:00Z'],
      ['outreach.sent', '2025-06-02T23:30:00Z'],
      ['export.written', '2025-06-03T08:00:00Z'],
      ['person.erased', '2025-06-03T09:00:00Z'],
      ['privacy.retention_purged', '2025-06-03T10:00:00Z'],
      ['settings.changed', '2025-06-04T10:00:00Z'],
      ['secret.saved', '2025-06-04T11:00:00Z'],
      ['backup.restored', '2025-06-05T10:00:00Z'],
      ['something.new', '2025-06-05T11:00:00Z'],
    ];
    for (const [action, at] of entries) {
      clock.set(at);
      recordAudit(db, { action, details: { n: 1 } }, clock);
    }
  });
  afterEach(() => fresh.cleanup());

  it('groups actions into the kinds a seller asks about', () => {
    expect(auditKindOf('import.undone')).toBe('imports');
    expect(auditKindOf('company.merge_undone')).toBe('merges');
    expect(auditKindOf('review.different')).toBe('merges');
    expect(auditKindOf('person.exported')).toBe('exports');
    expect(auditKindOf('person.erased')).toBe('erasures');
    expect(auditKindOf('secret.deleted')).toBe('settings');
    expect(auditKindOf('anything.else')).toBe('other');
  });

  it('lists newest first, filters by kind and by local day, and pages', () => {
    const all = listAudit(db, { limit: 4 });
    expect(all.total).toBe(11);
    expect(all.rows.map((r) => r.action)).toEqual([
      'something.new',
      'backup.restored',
      'secret.saved',
      'settings.changed',
    ]);
    expect(all.rows[0]).toMatchObject({ kind: 'other', details: { n: 1 } });
    expect(listAudit(db, { limit: 4, offset: 8 }).rows.map((r) => r.action)).toEqual([
      'leads.approved',
      'contact.merged',
      'import.committed',
    ]);
    expect(all.kinds).toEqual({
      imports: 1,
      merges: 1,
      approvals: 1,
      outreach: 1,
      exports: 1,
      erasures: 2,
      settings: 2,
      backups: 1,
      other: 1,
    });

    const erasures = listAudit(db, { kinds: ['erasures', 'settings'] });
    expect(erasures.rows.map((r) => r.action)).toEqual([
      'secret.saved',
      'settings.changed',
      'privacy.retention_purged',
      'person.erased',
    ]);
    expect(listAudit(db, { kinds: ['other'] }).rows.map((r) => r.action)).toEqual(['something.new']);

    // 2 June in UTC holds the approval and the 23:30 send; two hours east of UTC, the send is on the 3rd.
    const utc = listAudit(db, { from: '2025-06-02', to: '2025-06-02' }, 'UTC');
    expect(utc.rows.map((r) => r.action)).toEqual(['outreach.sent', 'leads.approved']);
    expect(utc.timeZone).toBe('UTC');
    const east = listAudit(db, { from: '2025-06-02', to: '2025-06-02' }, 'Africa/Johannesburg');
    expect(east.rows.map((r) => r.action)).toEqual(['leads.approved']);
    expect(east.kinds).toEqual({ approvals: 1 });
  });
});

describe("the audit log's days are the seller's", () => {
  let fresh: ReturnType<typeof freshDb>;
  let db: Db;
  beforeEach(() => {
    fresh = freshDb();
    db = fresh.db;
  });
  afterEach(() => fresh.cleanup());

  const record = (action: string, at: string) => recordAudit(db, { action, actor: 'user' }, handClock(at));

  it("counts from/to in the outreach time zone east of UTC (Tokyo), not in UTC or the computer's", () => {
    // The setting is changed long after, so its own audit entry stays out of the range.
    writeSettings(db, 'outreach', { timeZone: 'Asia/Tokyo' }, handClock('2025-07-01T00:00:00Z'));
    record('leads.approved', '2025-06-01T14:59:00Z'); // 1 June 23:59 in Tokyo: the day before
    record('outreach.sent', '2025-06-01T15:30:00Z'); // 2 June 00:30 in Tokyo
    record('export.written', '2025-06-02T14:59:00Z'); // 2 June 23:59 in Tokyo
    record('person.erased', '2025-06-02T15:00:00Z'); // 3 June 00:00 in Tokyo: the day after
    const page = listAudit(db, { from: '2025-06-02', to: '2025-06-02' });
    expect(page.timeZone).toBe('Asia/Tokyo');
    expect(page.rows.map((r) => r.action)).toEqual(['export.written', 'outreach.sent']);
    expect(page.kinds).toEqual({ outreach: 1, exports: 1 });
    expect(listAudit(db, { from: '2025-06-03' }).rows.map((r) => r.action)).toEqual([
      'settings.changed',
      'person.erased',
    ]);
    expect(listAudit(db, { to: '2025-06-01' }).rows.map((r) => r.action)).toEqual(['leads.approved']);
  });

  it('takes a whole 25-hour day at the autumn change (Los Angeles, 2 November 2025)', () => {
    writeSettings(db, 'outreach', { timeZone: 'America/Los_Angeles' }, handClock('2025-12-01T00:00:00Z'));
    record('leads.approved', '2025-11-02T06:59:00Z'); // 1 November 23:59 PDT
    record('outreach.sent', '2025-11-02T07:00:00Z'); // 2 November 00:00 PDT
    record('export.written', '2025-11-03T07:59:00Z'); // 2 November 23:59 PST
    record('person.erased', '2025-11-03T08:00:00Z'); // 3 November 00:00 PST
    const page = listAudit(db, { from: '2025-11-02', to: '2025-11-02' });
    expect(page.rows.map((r) => r.action)).toEqual(['export.written', 'outreach.sent']);
  });

  it('says so when a day is not on the calendar, and takes no offset from the renderer', () => {
    expect(() => listAudit(db, { from: '2025-02-30' }, 'UTC')).toThrow(/"2025-02-30" is not a day/);
    const input = calls['audit.list'].input;
    expect(input.safeParse({ from: '2025-02-28', to: '2025-03-01' }).success).toBe(true);
    expect(input.safeParse({ from: '2025-02-30' }).success).toBe(false);
    expect(input.safeParse({ from: '2025-06-02', tzOffsetMinutes: -540 }).success).toBe(false);
  });
});
