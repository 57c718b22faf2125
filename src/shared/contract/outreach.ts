import { z } from 'zod';
import { defineCall } from './define';
import {
  MARK_STATUSES,
  type DayQueue,
  type MarkStatus,
  type OutreachLogEntry,
  type OutreachPlan,
  type QueueItem,
  type Responses,
} from '../domain/outreach';

const id = z.number().int().positive();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-09.');
const isoTime = z.iso.datetime({ offset: true });

export const outreachCalls = {
  /** What applying the plan now would do: counts per channel, the estimate, the first entries. */
  'outreach.previewPlan': defineCall('core', z.undefined()).returns<OutreachPlan>(),
  /** Plans every approved lead not yet planned (idempotent: again adds only new approvals). */
  'outreach.applyPlan': defineCall('core', z.undefined()).returns<OutreachPlan>(),
  /** The manual queue for one of the seller's days (today when no date is given). */
  'outreach.queue': defineCall(
    'core',
    z.object({ date: date.optional() }).strict().optional(),
  ).returns<DayQueue>(),
  /** Marks an item; `sent` books its unit in the quota ledger or is refused with `quota_exceeded`. */
  'outreach.mark': defineCall(
    'core',
    z
      .object({
        id,
        status: z.enum(MARK_STATUSES as [MarkStatus, ...MarkStatus[]]),
        at: isoTime.optional(),
        until: date.optional(),
        note: z.string().max(500).optional(),
      })
      .strict(),
  ).returns<QueueItem>(),
  /** Takes back the last mark on an item (a sent one gives its unit back). */
  'outreach.undo': defineCall('core', z.object({ id }).strict()).returns<QueueItem>(),
  /** The seller's own message for one person; null goes back to the template. */
  'outreach.editMessage': defineCall(
    'core',
    z
      .object({
        id,
        message: z
          .object({ subject: z.string().max(1000).nullable().optional(), body: z.string().max(20_000) })
          .strict()
          .nullable(),
      })
      .strict(),
  ).returns<QueueItem>(),
  /** Sent items waiting for an answer, and invites pending long enough to withdraw. */
  'outreach.responses': defineCall('core', z.undefined()).returns<Responses>(),
  /** Every action for one contact with its status history. */
  'outreach.log': defineCall('core', z.object({ contactId: id }).strict()).returns<OutreachLogEntry[]>(),
  /**
   * LinkedIn showed its limit notice while the seller worked by hand ("You've reached the weekly
   * invitation limit"): invites stop for a week, whatever the counts say.
   */
  'outreach.limitNotice': defineCall(
    'core',
    z
      .object({
        kind: z.enum(['invite', 'inmail', 'message', 'profile_view', 'search']),
        message: z.string().max(300).default(''),
      })
      .strict(),
  ).returns<void>(),
};
