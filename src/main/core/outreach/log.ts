import type { OutreachEvent, OutreachKind, OutreachLogEntry, OutreachStatus } from '@shared/domain/outreach';
import type { Db } from '../db/database';
import { parseSent } from './items';

/**
 * Every outreach action for a contact, newest first, each with its status history. The message
 * shown is what was sent (kept on the sent event), else the seller's edit while it is still open.
 */
export function outreachLog(db: Db, contactId: number): OutreachLogEntry[] {
  const actions = db
    .prepare(
      `SELECT id, contact_id, kind, status, subject, body, parent_id, updated_at FROM outreach_actions
       WHERE contact_id = ? ORDER BY id DESC`,
    )
    .all(contactId) as {
    id: number;
    contact_id: number;
    kind: OutreachKind;
    status: OutreachStatus;
    subject: string | null;
    body: string | null;
    parent_id: number | null;
    updated_at: string;
  }[];
  const eventsOf = db.prepare('SELECT status, at, note FROM outreach_events WHERE action_id = ? ORDER BY id');
  return actions.map((a) => {
    const raw = eventsOf.all(a.id) as OutreachEvent[];
    const sent = [...raw].reverse().find((e) => e.status === 'sent');
    const text = parseSent(sent?.note);
    return {
      id: a.id,
      contactId: a.contact_id,
      kind: a.kind,
      status: a.status,
      at: raw.at(-1)?.at ?? a.updated_at,
      subject: text ? text.subject : a.subject,
      body: text ? text.body : a.body,
      parentId: a.parent_id,
      // The sent event's note is the message itself, shown above; keep the history readable.
      events: raw.map((e) => (e.status === 'sent' ? { ...e, note: null } : e)),
    };
  });
}
