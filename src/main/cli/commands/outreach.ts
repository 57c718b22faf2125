import { formatCount } from '@shared/domain/format';
import {
  KIND_LABELS,
  MARK_STATUSES,
  progressText,
  type MarkStatus,
  type OutreachPlan,
  type QueueItem,
} from '@shared/domain/outreach';
import { systemClock, type Clock } from '../../core/clock';
import { readQuotaConfig } from '../../core/quotas/config';
import { wallText } from '../../core/quotas/windows';
import { applyPlan, previewPlan } from '../../core/outreach/plan';
import { dayQueue } from '../../core/outreach/queue';
import { markItem } from '../../core/outreach/mark';
import { outreachLog } from '../../core/outreach/log';
import type { CliCommand } from '../command';
import { UsageError } from '../io';

/** `--at 2026-03-02T09:15:00-08:00`: the moment a command acts at (now by default). */
export function clockAt(value: unknown): Clock {
  if (value === undefined) return systemClock;
  const at = new Date(String(value));
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
    throw new UsageError(`--at must be an ISO time like 2026-03-02T09:15:00-08:00, not “${String(value)}”.`);
  return { now: () => new Date(at) };
}

function positiveId(value: unknown, option: string): number {
  const id = Number(value);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError(`${option} needs an id (a number).`);
  return id;
}

function printPlan(plan: OutreachPlan, timeZone: string, out: (line: string) => void): void {
  out(
    `Outreach plan from ${plan.date} (${timeZone}), ${formatCount(plan.total)} approved leads not yet planned:`,
  );
  out(
    `  InMail   ${String(plan.counts.inmail).padStart(6)}   (${plan.inmailRemaining} InMails left this month)`,
  );
  out(`  Email    ${String(plan.counts.email).padStart(6)}`);
  out(
    `  Invite   ${String(plan.counts.invite).padStart(6)}${plan.overflow ? `   (${plan.overflow} HOT without email: InMails spoken for)` : ''}`,
  );
  if (plan.counts.unreachable)
    out(`  Cannot reach ${plan.counts.unreachable} (no LinkedIn profile and no email)`);
  if (plan.suppressed) out(`  Left out ${plan.suppressed} on the do-not-contact list`);
  const open = plan.open.inmail + plan.open.email + plan.open.invite + plan.open.follow_up;
  if (open) out(`  Already planned and not done: ${formatCount(open)}`);
  out(
    plan.estimatedCompletion
      ? `Estimated completion: ${plan.estimatedCompletion} (invites need ${plan.days.invite} working day${plan.days.invite === 1 ? '' : 's'}).`
      : 'No completion date: a daily limit is 0.',
  );
  out(
    plan.applied === null
      ? 'A preview: nothing was planned. Run `plan --apply` to plan these.'
      : `Planned ${formatCount(plan.applied)} item${plan.applied === 1 ? '' : 's'}.`,
  );
}

export const planCommand: CliCommand = {
  name: 'plan',
  usage: 'plan [--apply] [--at ISO-TIME] [--json]',
  summary: 'route approved leads to InMail, email or invite; --apply plans them',
  options: { apply: { type: 'boolean' }, at: { type: 'string' } },
  run({ db, io, json, options }) {
    const clock = clockAt(options.at);
    const config = readQuotaConfig(db);
    const plan = options.apply ? applyPlan(db, clock, config, 'cli') : previewPlan(db, clock, config);
    if (json) io.out(JSON.stringify(plan));
    else printPlan(plan, config.timeZone, io.out);
  },
};

function itemLines(item: QueueItem): string[] {
  const who = [item.title, item.company].filter(Boolean).join(', ');
  const lines = [
    `#${item.id}  ${KIND_LABELS[item.kind].one.padEnd(9)} ${item.name}${who ? ` — ${who}` : ''}${item.tier ? `  (${item.tier} ${item.score})` : ''}`,
  ];
  if (item.linkedinUrl) lines.push(`      ${item.linkedinUrl}`);
  if (item.kind === 'email' && item.email) lines.push(`      to ${item.email}`);
  if (item.subject) lines.push(`      Subject: ${item.subject}`);
  for (const line of item.body.split('\n')) lines.push(`      ${line}`);
  if (item.problem) lines.push(`      ! ${item.problem}`);
  return lines;
}

export const queueCommand: CliCommand = {
  name: 'queue',
  usage: 'queue --date YYYY-MM-DD [--json]',
  summary: "the day's manual queue: item ids, kinds and the messages, within the day's limits",
  options: { date: { type: 'string' } },
  run({ db, io, json, options }) {
    const date = options.date as string | undefined;
    if (!date) throw new UsageError('queue needs --date YYYY-MM-DD.');
    const queue = dayQueue(db, date, readQuotaConfig(db));
    if (json) {
      io.out(JSON.stringify(queue));
      return;
    }
    io.out(
      `Queue for ${queue.date} (${queue.timeZone}): ${queue.progress.map(progressText).join(', ') || 'nothing due'}.`,
    );
    for (const note of queue.notes) io.out(`  ${note}`);
    for (const item of queue.items) for (const line of itemLines(item)) io.out(line);
    if (queue.done.length) io.out(`Done that day: ${queue.done.length}.`);
    if (queue.unplanned)
      io.out(`${formatCount(queue.unplanned)} approved leads are not planned yet: run \`plan\`.`);
  },
};

export const markCommand: CliCommand = {
  name: 'mark',
  usage: `mark --item ID --status ${MARK_STATUSES.filter((s) => s !== 'snoozed' && s !== 'withdrawn').join('|')} [--at ISO-TIME] [--json]`,
  summary: 'record what was done with an item; refused when a quota would be exceeded at that time',
  options: {
    item: { type: 'string' },
    status: { type: 'string' },
    at: { type: 'string' },
    note: { type: 'string' },
  },
  run({ db, io, json, options }) {
    const id = positiveId(options.item, '--item');
    const status = options.status as MarkStatus | undefined;
    if (!status || !MARK_STATUSES.includes(status))
      throw new UsageError(`--status must be one of ${MARK_STATUSES.join(', ')}.`);
    // --at is when it happened (a send logged late), checked against the real now: a mark
    // cannot be in the future, nor before the item was planned.
    const at = clockAt(options.at).now();
    const config = readQuotaConfig(db);
    const item = markItem(
      db,
      { id, status, at, note: options.note as string | undefined },
      systemClock,
      config,
    );
    if (json) {
      io.out(JSON.stringify({ ok: true, item }));
      return;
    }
    io.out(
      `#${item.id} ${item.name}'s ${KIND_LABELS[item.kind].one}: ${status.replace('_', ' ')} at ${wallText(at, config.timeZone)} (${config.timeZone}).`,
    );
  },
};

export const logCommand: CliCommand = {
  name: 'log',
  usage: 'log --contact ID [--json]',
  summary: "a contact's outreach: every action and its status history",
  options: { contact: { type: 'string' } },
  run({ db, io, json, options }) {
    const contactId = positiveId(options.contact, '--contact');
    const log = outreachLog(db, contactId);
    if (json) {
      io.out(JSON.stringify({ contactId, entries: log }));
      return;
    }
    if (log.length === 0) {
      io.out(`No outreach for contact ${contactId} yet.`);
      return;
    }
    const timeZone = readQuotaConfig(db).timeZone;
    for (const entry of log) {
      io.out(`#${entry.id} ${KIND_LABELS[entry.kind].one}: ${entry.status}`);
      for (const e of entry.events)
        io.out(`    ${wallText(new Date(e.at), timeZone)}  ${e.status}${e.note ? ` — ${e.note}` : ''}`);
      if (entry.subject) io.out(`    Subject: ${entry.subject}`);
      if (entry.body) for (const line of entry.body.split('\n')) io.out(`    | ${line}`);
    }
  },
};
