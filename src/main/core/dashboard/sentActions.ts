/**
 * Every outreach action with what it reached, read from its status and its event history (an
 * invite that was accepted and then replied to has status 'replied' and an 'accepted' event):
 * `sent` (anything went out), `replied`, and for invites `accepted`. The outreach vocabulary is
 * src/shared/domain/outreach.ts; this reads the tables directly, as the dashboard must not depend
 * on how actions are planned or sent.
 */
export const SENT_STATUSES = `('sent', 'accepted', 'replied', 'no_response', 'withdrawn')`;

export const ACTIONS_CTE = /* sql */ `
  ev AS (
    SELECT action_id,
           max(status IN ${SENT_STATUSES}) AS sent,
           max(status = 'replied') AS replied,
           max(status = 'accepted') AS accepted
    FROM outreach_events GROUP BY action_id),
  acts AS (
    SELECT a.id, a.contact_id, a.kind, a.template_id,
           (a.status IN ${SENT_STATUSES} OR coalesce(ev.sent, 0)) AS sent,
           (a.status = 'replied' OR coalesce(ev.replied, 0)) AS replied,
           (a.kind = 'invite' AND (a.status = 'accepted' OR coalesce(ev.accepted, 0))) AS accepted
    FROM outreach_actions a LEFT JOIN ev ON ev.action_id = a.id),
  sent_acts AS (SELECT * FROM acts WHERE sent)`;

/** A ratio, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
