import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import {
  StillClock,
  seedLeads,
  useOutreachSettings,
  warmLeads,
  writeReadyTemplates,
} from '../../helpers/leads';
import { openDatabase } from '../../../src/main/core/db/database';
import type { QuotaConfig } from '../../../src/main/core/quotas/config';
import { applyPlan } from '../../../src/main/core/outreach/plan';
import { dayQueue } from '../../../src/main/core/outreach/queue';
import { editMessage, markItem, undoMark } from '../../../src/main/core/outreach/mark';
import { outreachLog } from '../../../src/main/core/outreach/log';
import { responses } from '../../../src/main/core/outreach/responses';
import { recordNotice } from '../../../src/main/core/quotas/ledger';
import { addSuppressions } from '../../../src/main/core/suppression/suppressions';
import { contactDetail } from '../../../src/main/core/records/details';
import { RecordLists } from '../../../src/main/core/records/recordLists';
import { progressText } from '../../../src/shared/domain/outreach';
import { AppFailure } from '../../../src/shared/contract/result';

const LA = 'America/Los_Angeles';
const MONDAY = '2026-03-02';

function failure(fn: () => unknown): AppFailure {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppFailure) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('the day’s queue', () => {
  let t: ReturnType<typeof freshDb>;
  let clock: StillClock;
  let config: QuotaConfig;
  const queue = (date = MONDAY) => dayQueue(t.db, date, config);
  /** Marks as it happens: the clock moves on to `at` (a mark may not be in the future). */
  const mark = (id: number, status: Parameters<typeof markItem>[1]['status'], at?: string) => {
    if (at && new Date(at) > clock.now()) clock.set(at);
    return markItem(t.db, { id, status, at: at ? new Date(at) : undefined }, clock, config);
  };

  beforeEach(() => {
    t = freshDb();
    clock = new StillClock('2026-03-02T17:00:00Z'); // Monday 09:00 PST
    config = useOutreachSettings(t.db, clock, { timeZone: LA });
    writeReadyTemplates(t.db);
  });
  afterEach(() => t.cleanup());

  it('is the day’s allowance per channel, by priority then score, the same however often it is asked', () => {
    seedLeads(
      t.db,
      [
        ...warmLeads(25),
        { name: 'Hot Inmail', tier: 'HOT', score: 88, linkedin: 'https://www.linkedin.com/in/hot-inmail' },
        { name: 'Hot Email', tier: 'HOT', score: 92, email: 'hot@email.com', company: 'Mail Co' },
      ],
      clock,
    );
    applyPlan(t.db, clock, config);
    const first = queue();
    expect(first.items.map((i) => i.kind)).toEqual(['email', 'inmail', ...Array(20).fill('invite')]);
    expect(first.waiting).toBe(5);
    expect(first.notes).toEqual(['5 more invites wait for another day: invites today allows 20.']);
    const scores = first.items.filter((i) => i.kind === 'invite').map((i) => i.score!);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(first.progress.map(progressText)).toEqual([
      '0 of 1 InMail sent',
      '0 of 1 email sent',
      '0 of 20 invites sent',
    ]);
    // Same database, same date: same items, same order — from another connection too, and after a restart.
    expect(queue()).toEqual(first);
    t.db.close();
    t.db = openDatabase(t.file);
    expect(dayQueue(t.db, MONDAY, config)).toEqual(first);
  });

  it('counts the day’s progress, and fills a skipped or snoozed place from those waiting', () => {
    seedLeads(t.db, warmLeads(25), clock);
    applyPlan(t.db, clock, config);
    const ids = queue().items.map((i) => i.id);
    for (const id of ids.slice(0, 7)) mark(id, 'sent', '2026-03-02T18:00:00Z');
    let q = queue();
    expect(q.progress.map(progressText)).toEqual(['7 of 20 invites sent']);
    expect(q.items).toHaveLength(13);
    expect(q.done.map((d) => d.doneAs?.status)).toEqual(Array(7).fill('sent'));
    expect(q.waiting).toBe(5);
    mark(q.items[0]!.id, 'skipped');
    mark(q.items[1]!.id, 'snoozed');
    q = queue();
    expect(q.items).toHaveLength(13);
    expect(q.waiting).toBe(3);
    expect(q.progress.map(progressText)).toEqual(['7 of 20 invites sent']);
    const snoozed = t.db
      .prepare(`SELECT status, snoozed_until FROM outreach_actions WHERE id = ?`)
      .get(ids[8]);
    expect(snoozed).toEqual({ status: 'snoozed', snoozed_until: '2026-03-03' });
    expect(queue('2026-03-03').items.map((i) => i.id)).toContain(ids[8]);
  });

  it('has no invites while a LinkedIn limit notice holds, and says so; InMails go on', () => {
    seedLeads(
      t.db,
      [
        ...warmLeads(2),
        { name: 'Hot Inmail', tier: 'HOT', score: 88, linkedin: 'https://www.linkedin.com/in/hi' },
      ],
      clock,
    );
    applyPlan(t.db, clock, config);
    recordNotice(
      t.db,
      'linkedin.invite',
      'You’ve reached the weekly invitation limit',
      new Date('2026-03-02T20:00:00Z'),
      LA,
    );
    const q = queue();
    expect(q.items.map((i) => i.kind)).toEqual(['inmail']);
    expect(q.notes).toEqual([
      'LinkedIn said “You’ve reached the weekly invitation limit”: no invites until 2026-03-09 12:00.',
    ]);
    expect(queue('2026-03-10').items.map((i) => i.kind)).toEqual(['inmail', 'invite', 'invite']);
  });

  it('hands out nothing on a day outside the working days, and says when the items come back', () => {
    seedLeads(
      t.db,
      [
        ...warmLeads(3),
        { name: 'Hot Inmail', tier: 'HOT', score: 88, linkedin: 'https://www.linkedin.com/in/hi' },
      ],
      clock,
    );
    applyPlan(t.db, clock, config);
    const saturday = queue('2026-03-07');
    expect(saturday.items).toEqual([]);
    expect(saturday.waiting).toBe(4);
    expect(saturday.notes).toEqual([
      'Saturday is not one of your working days (Settings → Outreach), so nothing is handed out for it: 4 due items wait for Monday 2026-03-09.',
    ]);
    expect(queue('2026-03-08').notes[0]).toMatch(/^Sunday is not one of your working days/);
    expect(queue('2026-03-09').items.map((i) => i.kind)).toEqual(['inmail', 'invite', 'invite', 'invite']);

    // A seller who works Saturdays says so in Settings, and gets Saturday's queue.
    config = useOutreachSettings(t.db, clock, {
      timeZone: LA,
      workingHours: { days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '17:00' },
    });
    expect(queue('2026-03-07').items.map((i) => i.kind)).toEqual(['inmail', 'invite', 'invite', 'invite']);
    expect(queue('2026-03-08').notes).toEqual([
      'Sunday is not one of your working days (Settings → Outreach), so nothing is handed out for it: 4 due items wait for Monday 2026-03-09.',
    ]);
  });

  it('snoozes a Friday item to Monday', () => {
    seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [item] = queue().items;
    expect(mark(item!.id, 'snoozed', '2026-03-06T20:00:00Z').snoozedUntil).toBe('2026-03-09');
  });

  it('undoing a second snooze goes back to the first one’s day; undoing that, to no snooze', () => {
    seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [item] = queue().items;
    expect(mark(item!.id, 'snoozed').snoozedUntil).toBe('2026-03-03');
    clock.set('2026-03-03T17:00:00Z');
    expect(mark(item!.id, 'snoozed').snoozedUntil).toBe('2026-03-04');
    expect(undoMark(t.db, item!.id, clock, config)).toMatchObject({
      status: 'snoozed',
      snoozedUntil: '2026-03-03',
    });
    expect(undoMark(t.db, item!.id, clock, config)).toMatchObject({ status: 'planned', snoozedUntil: null });
    expect(queue('2026-03-03').items.map((i) => i.id)).toContain(item!.id);
  });

  it('refuses a mark that would pass a quota at that time, and changes nothing', () => {
    config = useOutreachSettings(t.db, clock, { timeZone: LA, limits: { invite_day: 2 } });
    seedLeads(t.db, warmLeads(3), clock);
    applyPlan(t.db, clock, config);
    const ids = t.db.prepare('SELECT id FROM outreach_actions ORDER BY id').pluck().all() as number[];
    mark(ids[0]!, 'sent', '2026-03-02T18:00:00Z');
    mark(ids[1]!, 'sent', '2026-03-02T19:00:00Z');
    const refused = failure(() => mark(ids[2]!, 'sent', '2026-03-02T20:00:00Z'));
    expect(refused.code).toBe('quota_exceeded');
    expect(refused.message).toBe(
      "Today's 2 invites are used (limit 2 a day); more from 2026-03-03 00:00 (America/Los_Angeles).",
    );
    expect(t.db.prepare('SELECT status, sent_at FROM outreach_actions WHERE id = ?').get(ids[2])).toEqual({
      status: 'planned',
      sent_at: null,
    });
    expect(t.db.prepare('SELECT count(*) FROM outreach_events WHERE action_id = ?').pluck().get(ids[2])).toBe(
      1,
    );
    // The next day it fits.
    expect(mark(ids[2]!, 'sent', '2026-03-03T17:00:00Z').status).toBe('sent');
  });

  it('takes a mark entered late, but none before the item’s last step nor in the future', () => {
    seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config); // planned Monday 09:00 PST
    const [item] = queue().items;
    clock.set('2026-03-03T17:00:00Z'); // Tuesday 09:00
    const early = failure(() =>
      markItem(t.db, { id: item!.id, status: 'sent', at: new Date('2026-03-02T16:00:00Z') }, clock, config),
    );
    expect(early.code).toBe('invalid_input');
    expect(early.message).toBe(
      `${item!.name}'s invite was planned at 2026-03-02 09:00; it cannot be marked sent at 2026-03-02 08:00, before that.`,
    );
    const future = failure(() =>
      markItem(t.db, { id: item!.id, status: 'sent', at: new Date('2026-03-03T18:00:00Z') }, clock, config),
    );
    expect(future.message).toBe(
      '2026-03-03 10:00 is in the future (it is 2026-03-03 09:00, America/Los_Angeles); mark what has happened.',
    );
    expect(t.db.prepare(`SELECT count(*) FROM quota_ledger`).pluck().get()).toBe(0);
    // Yesterday afternoon's send, logged this morning.
    const sent = markItem(
      t.db,
      { id: item!.id, status: 'sent', at: new Date('2026-03-02T23:00:00Z') },
      clock,
      config,
    );
    expect(sent.sentAt).toBe('2026-03-02T23:00:00.000Z');
    // Accepted before it was sent: refused.
    expect(
      failure(() =>
        markItem(
          t.db,
          { id: item!.id, status: 'accepted', at: new Date('2026-03-02T22:00:00Z') },
          clock,
          config,
        ),
      ).message,
    ).toMatch(/invite was sent at 2026-03-02 15:00; it cannot be marked accepted at 2026-03-02 14:00/);
  });

  it('never shows a suppressed person, nor sends to one, even after planning', () => {
    seedLeads(
      t.db,
      [
        { name: 'Ann Able', tier: 'WARM', score: 70, linkedin: 'https://www.linkedin.com/in/ann-able' },
        { name: 'Bob Baker', tier: 'WARM', score: 60, linkedin: 'https://www.linkedin.com/in/bob-baker' },
      ],
      clock,
    );
    applyPlan(t.db, clock, config);
    const annItem = queue().items.find((i) => i.name === 'Ann Able')!;
    addSuppressions(t.db, [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/ann-able/' }], clock);
    expect(queue().items.map((i) => i.name)).toEqual(['Bob Baker']);
    expect(failure(() => mark(annItem.id, 'sent')).code).toBe('not_allowed');
  });

  it('never queues a person already reached by another action', () => {
    const [ann] = seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    // A merge brought over another record's invite, already sent.
    t.db
      .prepare(
        `INSERT INTO outreach_actions (contact_id, kind, status, created_at, updated_at, sent_at) VALUES (?, 'email', 'sent', ?, ?, ?)`,
      )
      .run(ann, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
    expect(queue().items).toEqual([]);
  });

  it('holds the invite note to 300 characters: an edit over it is refused, and so is sending it', () => {
    seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [item] = queue().items;
    expect(item!.body).toMatch(/^Hi Person, I help contractors like Person Co 0 win more bids/);
    const long = failure(() => editMessage(t.db, item!.id, { body: 'x'.repeat(301) }, clock, config));
    expect(long.code).toBe('invalid_input');
    expect(long.message).toBe(
      'The invitation note has 301 characters; LinkedIn allows 300. Shorten it by 1.',
    );
    const edited = editMessage(t.db, item!.id, { body: `  ${'y'.repeat(300)}  ` }, clock, config);
    expect(edited).toMatchObject({ edited: true, problem: null });
    // A template that renders past 300 for this person leaves the item unsendable until shortened.
    editMessage(t.db, item!.id, null, clock, config);
    t.db.prepare(`UPDATE templates SET body = ? WHERE kind = 'invite'`).run(`{full_name} ${'z'.repeat(285)}`);
    const over = queue().items[0]!;
    expect(over.problem).toBe(
      'The invitation note has 303 characters; LinkedIn allows 300. Shorten it by 3.',
    );
    expect(failure(() => mark(over.id, 'sent')).code).toBe('invalid_input');
    expect(t.db.prepare(`SELECT count(*) FROM quota_ledger`).pluck().get()).toBe(0);
  });

  it('renders templates with each missing value’s fallback, and will not send a “[blank]”', () => {
    seedLeads(
      t.db,
      [{ name: 'Dana', tier: 'WARM', score: 60, linkedin: 'https://www.linkedin.com/in/dana' }],
      clock,
    );
    applyPlan(t.db, clock, config);
    let [item] = queue().items;
    expect(item!.body).toBe('Hi Dana, I help contractors like your company win more bids. Open to connect?');
    expect(item!.missing).toEqual(['company']);
    t.db
      .prepare(
        `UPDATE templates SET body = 'Hi {first_name}, {mutual_connection|Sam} says {company} does [something].', fallbacks = '{"company":"your firm"}' WHERE kind = 'invite'`,
      )
      .run();
    [item] = queue().items;
    expect(item!.body).toBe('Hi Dana, Sam says your firm does [something].');
    expect(item!.missing).toEqual(['mutual_connection', 'company']);
    expect(item!.problem).toMatch(/Write your own words in place of “\[something\]”/);
    expect(failure(() => mark(item!.id, 'sent')).code).toBe('invalid_input');
  });

  it('will not send a misspelled or wrongly cased {variable}, from the template or the seller’s edit', () => {
    seedLeads(
      t.db,
      [{ name: 'Dana', tier: 'WARM', score: 60, linkedin: 'https://www.linkedin.com/in/dana' }],
      clock,
    );
    applyPlan(t.db, clock, config);
    t.db
      .prepare(`UPDATE templates SET body = 'Hi {First_Name}, {compnay} looks great' WHERE kind = 'invite'`)
      .run();
    let [item] = queue().items;
    expect(item!.body).toBe('Hi {First_Name}, {compnay} looks great');
    expect(item!.problem).toBe(
      '“{First_Name}” is not a variable and would be sent as written: did you mean {first_name}? Fix it (in the template on the Templates page, or here).',
    );
    const refused = failure(() => mark(item!.id, 'sent'));
    expect(refused.code).toBe('invalid_input');
    expect(refused.message).toBe(item!.problem);
    editMessage(t.db, item!.id, { body: 'Hi Dana, {compnay} looks great' }, clock, config);
    [item] = queue().items;
    expect(item!.problem).toMatch(/^“\{compnay\}” is not a variable/);
    expect(failure(() => mark(item!.id, 'sent')).code).toBe('invalid_input');
    expect(t.db.prepare(`SELECT count(*) FROM quota_ledger`).pluck().get()).toBe(0);
    editMessage(t.db, item!.id, { body: 'Hi Dana, Acme looks great' }, clock, config);
    expect(mark(item!.id, 'sent').status).toBe('sent');
  });

  it('an accepted invite brings its follow-up after the set days; pending invites come up for withdrawal', () => {
    seedLeads(t.db, warmLeads(2), clock);
    applyPlan(t.db, clock, config);
    const [a, b] = queue().items;
    mark(a!.id, 'sent', '2026-03-02T18:00:00Z');
    mark(b!.id, 'sent', '2026-03-02T18:05:00Z');
    mark(a!.id, 'accepted', '2026-03-04T18:00:00Z');
    expect(queue('2026-03-06').items).toEqual([]);
    // Due on Saturday the 7th (three days on), which is no working day: handed out on Monday.
    expect(queue('2026-03-07')).toMatchObject({ items: [], waiting: 1 });
    const due = queue('2026-03-09').items;
    expect(due.map((i) => [i.kind, i.name, i.priority])).toEqual([['follow_up', a!.name, 0]]);
    expect(due[0]!.body).toBe(
      `Thanks for connecting, Person! Happy to share how Person Co 0 could win more bids.`,
    );

    clock.set('2026-03-20T18:00:00Z');
    expect(responses(t.db, clock.now(), config).withdraw).toEqual([]);
    clock.set('2026-03-24T18:00:00Z'); // 22 days after sending
    const r = responses(t.db, clock.now(), config);
    expect(r.withdraw.map((i) => i.id)).toEqual([b!.id]);
    expect(r.awaiting.map((i) => i.id)).toEqual([b!.id, a!.id]);
    // The page shows the day each was sent in the seller's zone, so it says so.
    expect(r.timeZone).toBe(LA);
    mark(b!.id, 'withdrawn');
    expect(responses(t.db, clock.now(), config).withdraw).toEqual([]);
    expect(failure(() => mark(b!.id, 'replied')).code).toBe('conflict');
  });

  it('a reply closes the person’s follow-up in the same mark; undoing the reply opens it again', () => {
    seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [invite] = queue().items;
    mark(invite!.id, 'sent', '2026-03-02T18:00:00Z');
    mark(invite!.id, 'accepted', '2026-03-04T18:00:00Z');
    expect(queue('2026-03-09').items.map((i) => i.kind)).toEqual(['follow_up']);
    clock.set('2026-03-05T18:00:00Z');
    markItem(
      t.db,
      { id: invite!.id, status: 'replied', at: new Date('2026-03-05T18:00:00Z'), note: 'Call booked' },
      clock,
      config,
    );
    expect(queue('2026-03-09').items).toEqual([]);
    expect(queue('2026-03-20').items).toEqual([]);
    const followUp = () =>
      t.db.prepare(`SELECT id, status FROM outreach_actions WHERE kind = 'follow_up'`).get() as {
        id: number;
        status: string;
      };
    expect(followUp().status).toBe('skipped');
    expect(
      outreachLog(t.db, invite!.contactId)
        .find((e) => e.kind === 'follow_up')!
        .events.at(-1),
    ).toEqual({
      status: 'skipped',
      at: '2026-03-05T18:00:00.000Z',
      note: `closed: #${invite!.id} was answered`,
    });
    expect(undoMark(t.db, invite!.id, clock, config).status).toBe('accepted');
    expect(followUp().status).toBe('planned');
    expect(queue('2026-03-09').items.map((i) => i.id)).toEqual([followUp().id]);
    // No response closes it too.
    mark(invite!.id, 'no_response', '2026-03-06T18:00:00Z');
    expect(followUp().status).toBe('skipped');
  });

  it('never offers a follow-up to a person who has replied, however it came to be open', () => {
    const [ann] = seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [invite] = queue().items;
    mark(invite!.id, 'sent', '2026-03-02T18:00:00Z');
    mark(invite!.id, 'accepted', '2026-03-04T18:00:00Z');
    // A merge brought over another record's InMail, which the person answered.
    t.db
      .prepare(
        `INSERT INTO outreach_actions (contact_id, kind, status, created_at, updated_at, sent_at) VALUES (?, 'inmail', 'replied', ?, ?, ?)`,
      )
      .run(ann, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z');
    expect(queue('2026-03-07').items).toEqual([]);
  });

  it('undoes a mark: a sent item gives its unit back; an accepted one loses its untouched follow-up', () => {
    seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [item] = queue().items;
    mark(item!.id, 'sent', '2026-03-02T18:00:00Z');
    mark(item!.id, 'accepted', '2026-03-03T18:00:00Z');
    expect(t.db.prepare(`SELECT count(*) FROM outreach_actions WHERE kind = 'follow_up'`).pluck().get()).toBe(
      1,
    );
    expect(undoMark(t.db, item!.id, clock, config).status).toBe('sent');
    expect(t.db.prepare(`SELECT count(*) FROM outreach_actions WHERE kind = 'follow_up'`).pluck().get()).toBe(
      0,
    );
    expect(undoMark(t.db, item!.id, clock, config).status).toBe('planned');
    expect(t.db.prepare(`SELECT outcome FROM quota_ledger`).pluck().all()).toEqual(['refunded']);
    expect(queue().progress.map(progressText)).toEqual(['0 of 1 invite sent']);
    expect(failure(() => undoMark(t.db, item!.id, clock, config)).code).toBe('conflict');
  });

  it('logs every action with its status history, as sent, for the contact page and the CLI', () => {
    const [id] = seedLeads(t.db, warmLeads(1), clock);
    applyPlan(t.db, clock, config);
    const [item] = queue().items;
    mark(item!.id, 'sent', '2026-03-02T18:00:00Z');
    // Editing the template afterwards does not rewrite what was sent.
    t.db.prepare(`UPDATE templates SET body = 'Something else, {first_name}' WHERE kind = 'invite'`).run();
    clock.set('2026-03-05T18:00:00Z');
    markItem(
      t.db,
      { id: item!.id, status: 'replied', at: new Date('2026-03-05T18:00:00Z'), note: 'Call booked' },
      clock,
      config,
    );
    const log = outreachLog(t.db, id!);
    expect(log).toEqual([
      {
        id: item!.id,
        contactId: id,
        kind: 'invite',
        status: 'replied',
        at: '2026-03-05T18:00:00.000Z',
        subject: null,
        body: item!.body,
        parentId: null,
        events: [
          { status: 'planned', at: '2026-03-02T17:00:00.000Z', note: null },
          { status: 'sent', at: '2026-03-02T18:00:00.000Z', note: null },
          { status: 'replied', at: '2026-03-05T18:00:00.000Z', note: 'Call booked' },
        ],
      },
    ]);
    expect(contactDetail(t.db, new RecordLists(t.db), id!).outreach).toEqual(log);
    expect(
      t.db
        .prepare(`SELECT count(*) FROM quota_ledger WHERE ref_type = 'outreach_action' AND ref_id = ?`)
        .pluck()
        .get(item!.id),
    ).toBe(1);
  });
});
