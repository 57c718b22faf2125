import { AppFailure } from '@shared/contract/result';
import type { AssistedSendResult } from '@shared/domain/linkedin';
import type { CoreContext } from '../context';
import { recordAudit } from '../audit/audit';
import { loadItemRows, toQueueItems } from '../outreach/items';
import { editMessage, markItem } from '../outreach/mark';
import { readQuotaConfig } from '../quotas/config';
import { readSettings } from '../settings/settingsStore';
import { isContactSuppressed } from '../suppression/suppressions';

const REASONS: Record<string, string> = {
  timeout: 'Send was not pressed in time; the note was closed unsent.',
  dismissed: 'The note was closed without sending.',
  page_closed: 'The browser tab was closed before Send.',
  already_connected: 'You are already connected on LinkedIn.',
  already_pending: 'An invitation is already pending on LinkedIn.',
  connect_unavailable: 'LinkedIn offers no Connect button for this person.',
  inmail_unavailable: 'LinkedIn offers no InMail for this person.',
};

/**
 * Assisted send of one Today item: the session opens the profile and fills in the invite note or
 * the InMail; the seller reads it and presses Send in the window. When LinkedIn shows it sent, the
 * item is marked sent through the queue's own mark (outreach log and quota ledger in one
 * transaction), with the words as the seller sent them.
 */
export async function assistedSend(ctx: CoreContext, id: number): Promise<AssistedSendResult> {
  if (!readSettings(ctx.db, 'linkedin').assistedSend)
    throw new AppFailure('not_allowed', 'Assisted send is off. Switch it on in Settings → LinkedIn.');
  const session = ctx.linkedin.sessions.ready();
  const config = readQuotaConfig(ctx.db);
  const [row] = loadItemRows(ctx.db, [id]);
  if (!row) throw new AppFailure('not_found', `There is no outreach item ${id}.`);
  const item = toQueueItems(ctx.db, [row], config)[0]!;
  if (item.kind !== 'invite' && item.kind !== 'inmail')
    throw new AppFailure(
      'invalid_input',
      `Assisted send is for invites and InMails; this is an ${item.kind}.`,
    );
  if (item.status !== 'planned' && item.status !== 'snoozed')
    throw new AppFailure('conflict', `${item.name}'s ${item.kind} is already ${item.status}.`);
  if (!item.linkedinUrl) throw new AppFailure('invalid_input', `${item.name} has no LinkedIn profile.`);
  if (item.problem) throw new AppFailure('invalid_input', item.problem);
  if (isContactSuppressed(ctx.db, item.contactId))
    throw new AppFailure('not_allowed', `${item.name} is on the do-not-contact list; nothing was opened.`);

  const ref = { type: 'outreach_action', id };
  let outcome;
  try {
    outcome =
      item.kind === 'invite'
        ? await session.sendInvite(item.linkedinUrl, item.body, { ref })
        : await session.sendInMail(
            item.linkedinUrl,
            { subject: item.subject ?? '', body: item.body },
            { ref },
          );
  } finally {
    ctx.linkedin.sessions.notify();
  }
  if (!outcome.sent) return { sent: false, reason: REASONS[outcome.reason] ?? outcome.reason, text: null };

  // The session booked the unit as it opened the note; the mark books it with the status change,
  // so the session's booking is handed back first and the ledger counts the send once.
  await ctx.linkedin.sessions.gate.handOver(item.kind, ref);
  if (
    outcome.text.trim() !== item.body.trim() ||
    (outcome.subject !== undefined && outcome.subject !== item.subject)
  )
    editMessage(
      ctx.db,
      id,
      { subject: outcome.subject ?? item.subject, body: outcome.text },
      ctx.clock,
      config,
    );
  markItem(ctx.db, { id, status: 'sent', at: outcome.at }, ctx.clock, config);
  recordAudit(
    ctx.db,
    {
      action: 'outreach.assisted_sent',
      entityType: 'outreach_action',
      entityId: id,
      details: { kind: item.kind },
    },
    ctx.clock,
  );
  return { sent: true, reason: null, text: outcome.text };
}
