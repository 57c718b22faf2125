import type { PersonPrivacy } from '@shared/domain/privacy';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { personRecords } from './people';

/** The person's lawful basis and how much is held on them, for the contact drawer. */
export function personPrivacy(db: Db, contactId: number): PersonPrivacy {
  const records = personRecords(db, contactId);
  const ids = JSON.stringify(records);
  const count = (sql: string) => db.prepare(sql).pluck().get(ids) as number;
  return {
    contactId: records[0]!,
    lawfulBasis: db
      .prepare('SELECT lawful_basis FROM contacts WHERE id = ?')
      .pluck()
      .get(records[0]) as string,
    records: records.length,
    sourceRows: count(
      `SELECT count(*) FROM source_rows WHERE contact_id IN (SELECT value FROM json_each(?))`,
    ),
    outreachActions: count(
      `SELECT count(*) FROM outreach_actions WHERE contact_id IN (SELECT value FROM json_each(?))`,
    ),
    inExports: count(
      `SELECT count(DISTINCT export_id) FROM export_items WHERE entity_type = 'contact' AND entity_id IN (SELECT value FROM json_each(?))`,
    ),
  };
}

/** Records why the seller may hold this person's data; audited like any edit of the contact. */
export function setLawfulBasis(db: Db, contactId: number, lawfulBasis: string, clock: Clock): PersonPrivacy {
  db.transaction(() => {
    const [id] = personRecords(db, contactId);
    const before = db.prepare('SELECT lawful_basis FROM contacts WHERE id = ?').pluck().get(id) as string;
    if (before === lawfulBasis) return;
    db.prepare('UPDATE contacts SET lawful_basis = ?, updated_at = ? WHERE id = ?').run(
      lawfulBasis,
      clock.now().toISOString(),
      id,
    );
    recordAudit(
      db,
      {
        action: 'contact.edited',
        entityType: 'contact',
        entityId: id,
        details: { before: { lawful_basis: before }, after: { lawful_basis: lawfulBasis } },
      },
      clock,
    );
  })();
  return personPrivacy(db, contactId);
}
