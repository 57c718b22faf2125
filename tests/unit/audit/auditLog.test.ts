import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/core/db/database';
import { listAudit } from '../../../src/main/core/audit/auditLog';
import { recordAudit } from '../../../src/main/core/audit/audit';
import { auditKindOf } from '../../../src/shared/domain/audit';
import { freshDb } from '../../helpers/importing';
import { handClock } from '../../helpers/tables';

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
    expect(listAudit(db, { from: '2025-06-02', to: '2025-06-02' }).rows.map((r) => r.action)).toEqual([
      'outreach.sent',
      'leads.approved',
    ]);
    const east = listAudit(db, { from: '2025-06-02', to: '2025-06-02', tzOffsetMinutes: -120 });
    expect(east.rows.map((r) => r.action)).toEqual(['leads.approved']);
    expect(east.kinds).toEqual({ approvals: 1 });
  });
});
