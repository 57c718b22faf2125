import { AppFailure } from '@shared/contract/result';
import {
  ANSWERED_STATUSES,
  KIND_LABELS,
  type MarkStatus,
  type OutreachStatus,
  type QueueItem,
} from '@shared/domain/outreach';
import { messageProblem } from '@shared/domain/templates';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { isContactSuppressed } from '../suppression/suppressions';
import type { QuotaConfig } from '../quotas/config';
import { refundBooking, tryBook } from '../quotas/ledger';
import { addDays, civilOf, formatCivil, wallText, weekdayOf } from '../quotas/windows';
import { loadItemRows, toQueueItems, type ItemRow } from './items';
import { KIND_KEYS, PRIORITY } from './route';

/** Which marks each status allows. Sent items move on to an answer; the rest are final. */
const NEXT: Record<OutreachStatus, readonly MarkStatus[]> = {
  planned: ['sent', 'skipped', 'snoozed'],
  snoozed: ['sent', 'skipped', 'snoozed'],
  sent: ['accepted', 'replied', 'no_response', 'withdrawn'],
  accepted: ['replied', 'no_response'],
  skipped: [],
  replied: [],
  no_response: [],
  withdrawn: [],
};

export interface MarkInput {
  id: number;
  status: MarkStatus;
  /** When it happened; now by default. A quota is checked for the windows this time is in. */
  at?: Date | undefined;
  /** Snooze to this seller's date; the next working day by default. */
  until?: string | undefined;
  note?: string | undefined;
}

function loadRow(db: Db, id: number): ItemRow {
  const [row] = loadItemRows(db, [id]);
  if (!row) throw new AppFailure('not_found', `There is no outreach item ${id}.`);
  return row;
}

/** The first working day after the seller's day of `at`. */
function nextWorkingDay(at: Date, config: QuotaConfig): string {
  let date = civilOf(at, config.timeZone);
  for (let i = 0; i < 7; i++) {
    date = addDays(date, 1);
    if (config.hours.days.includes(weekdayOf(date))) break;
  }
  return formatCivil(date);
}

/** The note on a follow-up closed because its person answered; undo finds them by it. */
const closedNote = (by: number) => `closed: #${by} was answered`;

/**
 * The person answered (replied, no response, withdrawn): their open follow-ups would now say
 * "thanks for connecting" to someone already in a conversation, so they are skipped, in the same
 * transaction as the mark, with a note naming the answered item so undoing the mark reopens them.
 */
function closeFollowUps(db: Db, contactId: number, by: number, iso: string): void {
  const open = db
    .prepare(
      `SELECT id FROM outreach_actions WHERE contact_id = ? AND kind = 'follow_up' AND id <> ?
         AND status IN ('planned','snoozed')`,
    )
    .pluck()
    .all(contactId, by) as number[];
  for (const id of open) {
    db.prepare(`UPDATE outreach_actions SET status = 'skipped', updated_at = ? WHERE id = ?`).run(iso, id);
    db.prepare(`INSERT INTO outreach_events (action_id, status, at, note) VALUES (?, 'skipped', ?, ?)`).run(
      id,
      iso,
      closedNote(by),
    );
  }
}

/** Reopens the follow-ups `closeFollowUps` closed for the answer at `at` on item `by`. */
function reopenFollowUps(db: Db, by: number, at: string, iso: string): void {
  const closed = db
    .prepare(
      `SELECT e.id AS eventId, e.action_id AS id FROM outreach_events e
       JOIN outreach_actions a ON a.id = e.action_id AND a.status = 'skipped'
       WHERE e.status = 'skipped' AND e.at = ? AND e.note = ?
         AND e.id = (SELECT max(id) FROM outreach_events WHERE action_id = e.action_id)`,
    )
    .all(at, closedNote(by)) as { eventId: number; id: number }[];
  for (const c of closed) {
    db.prepare('DELETE FROM outreach_events WHERE id = ?').run(c.eventId);
    const before = db
      .prepare('SELECT status FROM outreach_events WHERE action_id = ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(c.id) as OutreachStatus;
    db.prepare('UPDATE outreach_actions SET status = ?, updated_at = ? WHERE id = ?').run(before, iso, c.id);
  }
}

/**
 * Records what the seller did with an item. Marking it sent books its unit in the quota ledger in
 * the same BEGIN IMMEDIATE transaction as the status change: when the quota has no room at that
 * time the mark is refused (`quota_exceeded`) and nothing changes. An accepted invite gets its
 * follow-up message, due the set number of days later; an answer closes the person's follow-ups.
 */
export function markItem(db: Db, input: MarkInput, clock: Clock, config: QuotaConfig): QueueItem {
  const at = input.at ?? clock.now();
  if (Number.isNaN(at.getTime())) throw new AppFailure('invalid_input', 'The time is not a valid date.');
  db.transaction(() => {
    const row = loadRow(db, input.id);
    const label = `${row.full_name}'s ${KIND_LABELS[row.kind].one}`;
    if (!NEXT[row.status].includes(input.status)) {
      throw new AppFailure(
        'conflict',
        NEXT[row.status].length === 0
          ? `${label} is already ${row.status.replace('_', ' ')}; nothing more can be marked.`
          : `${label} is ${row.status}; it can be marked ${NEXT[row.status].join(', ').replace(/_/g, ' ')}, not ${input.status.replace('_', ' ')}.`,
      );
    }
    // A mark entered late is fine (the seller logs yesterday's sends this morning), but not one
    // dated before the item's last step (sent before it was planned, replied before it was sent)
    // nor one in the future: either would put a unit in quota windows it never belonged to.
    const now = clock.now();
    if (at.getTime() > now.getTime())
      throw new AppFailure(
        'invalid_input',
        `${wallText(at, config.timeZone)} is in the future (it is ${wallText(now, config.timeZone)}, ${config.timeZone}); mark what has happened.`,
      );
    const last = db
      .prepare('SELECT status, at FROM outreach_events WHERE action_id = ? ORDER BY at DESC, id DESC LIMIT 1')
      .get(row.id) as { status: OutreachStatus; at: string } | undefined;
    const since =
      last?.at ??
      (db.prepare('SELECT created_at FROM outreach_actions WHERE id = ?').pluck().get(row.id) as string);
    if (at.toISOString() < since)
      throw new AppFailure(
        'invalid_input',
        `${label} was ${last?.status ?? 'planned'} at ${wallText(new Date(since), config.timeZone)}; it cannot be marked ${input.status.replace('_', ' ')} at ${wallText(at, config.timeZone)}, before that.`,
      );
    if ((input.status === 'accepted' || input.status === 'withdrawn') && row.kind !== 'invite')
      throw new AppFailure('invalid_input', `Only an invite can be ${input.status}; this is an ${row.kind}.`);
    const iso = at.toISOString();
    let note: string | null = input.note?.trim() || null;
    if (input.status === 'sent') {
      if (isContactSuppressed(db, row.contact_id))
        throw new AppFailure(
          'not_allowed',
          `${row.full_name} is on the do-not-contact list; nothing was sent.`,
        );
      const [item] = toQueueItems(db, [row], config);
      const problem = item!.problem ?? messageProblem(row.kind, item!.subject, item!.body);
      if (problem) throw new AppFailure('invalid_input', problem);
      const booking = tryBook(db, KIND_KEYS[row.kind], at, 1, config, {
        type: 'outreach_action',
        id: row.id,
      });
      if (!booking.ok)
        throw new AppFailure('quota_exceeded', booking.message, {
          quota: booking.quota,
          reason: booking.reason,
          retryAt: booking.retryAt?.toISOString(),
        });
      note = JSON.stringify({
        subject: item!.subject,
        body: item!.body.trim(),
        templateId: item!.templateId,
      });
      db.prepare(
        'UPDATE outreach_actions SET status = ?, sent_at = ?, ledger_id = ?, template_id = ?, updated_at = ? WHERE id = ?',
      ).run('sent', iso, booking.id, item!.templateId, iso, row.id);
    } else if (input.status === 'snoozed') {
      const until = input.until ?? nextWorkingDay(at, config);
      db.prepare(
        'UPDATE outreach_actions SET status = ?, snoozed_until = ?, updated_at = ? WHERE id = ?',
      ).run('snoozed', until, iso, row.id);
      note = note ?? `until ${until}`;
    } else {
      db.prepare('UPDATE outreach_actions SET status = ?, updated_at = ? WHERE id = ?').run(
        input.status,
        iso,
        row.id,
      );
    }
    db.prepare('INSERT INTO outreach_events (action_id, status, at, note) VALUES (?, ?, ?, ?)').run(
      row.id,
      input.status,
      iso,
      note,
    );
    if (ANSWERED_STATUSES.includes(input.status)) closeFollowUps(db, row.contact_id, row.id, iso);
    if (input.status === 'accepted') {
      const due = formatCivil(addDays(civilOf(at, config.timeZone), config.followUpAfterDays));
      const child = db
        .prepare(
          `INSERT INTO outreach_actions (contact_id, kind, status, priority, planned_for, parent_id, created_at, updated_at)
           VALUES (?, 'follow_up', 'planned', ?, ?, ?, ?, ?)`,
        )
        .run(row.contact_id, PRIORITY.follow_up, due, row.id, iso, iso).lastInsertRowid;
      db.prepare(`INSERT INTO outreach_events (action_id, status, at) VALUES (?, 'planned', ?)`).run(
        child,
        iso,
      );
    }
    if (input.status !== 'snoozed' && input.status !== 'skipped')
      recordAudit(
        db,
        {
          action: `outreach.${input.status}`,
          entityType: 'contact',
          entityId: row.contact_id,
          details: { item: row.id, kind: row.kind, at: iso },
        },
        clock,
      );
  }).immediate();
  return toQueueItems(db, [loadRow(db, input.id)], config)[0]!;
}

/**
 * Takes back the last mark on an item (S pressed on the wrong person): the item returns to its
 * status before, a sent item's unit goes back to the quota, and an accepted invite's follow-up
 * goes away if nothing was done with it yet; follow-ups an answer closed open again. The mark is
 * kept in the audit log.
 */
export function undoMark(db: Db, id: number, clock: Clock, config: QuotaConfig): QueueItem {
  db.transaction(() => {
    const row = loadRow(db, id);
    const events = db
      .prepare(
        'SELECT id, status, at, note FROM outreach_events WHERE action_id = ? ORDER BY id DESC LIMIT 2',
      )
      .all(id) as { id: number; status: OutreachStatus; at: string; note: string | null }[];
    const [last, before] = events;
    if (!last || !before) throw new AppFailure('conflict', 'Nothing has been marked on this item yet.');
    if (last.status === 'accepted') {
      const followUp = db
        .prepare(`SELECT id, status FROM outreach_actions WHERE parent_id = ? AND kind = 'follow_up'`)
        .get(id) as { id: number; status: OutreachStatus } | undefined;
      if (followUp && followUp.status !== 'planned')
        throw new AppFailure(
          'conflict',
          'The follow-up to this invite has been worked on already; undo that first.',
        );
      if (followUp) {
        db.prepare('DELETE FROM outreach_events WHERE action_id = ?').run(followUp.id);
        db.prepare('DELETE FROM outreach_actions WHERE id = ?').run(followUp.id);
      }
    }
    if (ANSWERED_STATUSES.includes(last.status)) reopenFollowUps(db, id, last.at, clock.now().toISOString());
    if (last.status === 'sent') {
      if (row.ledger_id !== null) refundBooking(db, row.ledger_id);
      db.prepare('UPDATE outreach_actions SET sent_at = NULL, ledger_id = NULL WHERE id = ?').run(id);
    }
    if (last.status === 'snoozed') {
      // Back to the snooze before it, with its own day (its event says "until …"), or to no snooze.
      const earlier =
        before.status === 'snoozed' ? /until (\d{4}-\d{2}-\d{2})/.exec(before.note ?? '')?.[1] : null;
      if (before.status !== 'snoozed' || earlier)
        db.prepare('UPDATE outreach_actions SET snoozed_until = ? WHERE id = ?').run(earlier ?? null, id);
    }
    db.prepare('DELETE FROM outreach_events WHERE id = ?').run(last.id);
    db.prepare('UPDATE outreach_actions SET status = ?, updated_at = ? WHERE id = ?').run(
      before.status,
      clock.now().toISOString(),
      id,
    );
    recordAudit(
      db,
      {
        action: 'outreach.undone',
        entityType: 'contact',
        entityId: row.contact_id,
        details: { item: id, undid: last.status, markedAt: last.at },
      },
      clock,
    );
  }).immediate();
  return toQueueItems(db, [loadRow(db, id)], config)[0]!;
}

/**
 * The seller's own words for one person (null goes back to the template). An invite note over
 * LinkedIn's 300 characters is refused, so it can never be saved, let alone sent.
 */
export function editMessage(
  db: Db,
  id: number,
  message: { subject?: string | null | undefined; body: string } | null,
  clock: Clock,
  config: QuotaConfig,
): QueueItem {
  db.transaction(() => {
    const row = loadRow(db, id);
    if (row.status !== 'planned' && row.status !== 'snoozed')
      throw new AppFailure(
        'conflict',
        `This ${KIND_LABELS[row.kind].one} is ${row.status}; its message can no longer change.`,
      );
    if (message) {
      const body = message.body.replace(/\r\n/g, '\n');
      const subject = row.kind === 'inmail' || row.kind === 'email' ? (message.subject ?? '') : null;
      const problem = messageProblem(row.kind, subject, body);
      if (problem) throw new AppFailure('invalid_input', problem);
      db.prepare('UPDATE outreach_actions SET subject = ?, body = ?, updated_at = ? WHERE id = ?').run(
        subject,
        body,
        clock.now().toISOString(),
        id,
      );
    } else {
      db.prepare('UPDATE outreach_actions SET subject = NULL, body = NULL, updated_at = ? WHERE id = ?').run(
        clock.now().toISOString(),
        id,
      );
    }
  })();
  return toQueueItems(db, [loadRow(db, id)], config)[0]!;
}
