import { CONTACTED_STATUSES } from '@shared/domain/outreach';
/**
 * Every outreach action with what it reached, read from its status and its event history (an
 * invite that was accepted and then replied to has status 'replied' and an 'accepted' event):
 * `sent` (anything went out), `replied`, and for invites `accepted`. The outreach vocabulary is
 * src/shared/domain/outreach.ts; this reads the tables directly, as the dashboard must not depend
 * on how actions are planned or sent.
 */
/** CONTACTED_STATUSES (the outreach vocabulary's "something was sent") as an SQL list. */
export const SENT_STATUSES = `(${CONTACTED_STATUSES.map((s) => `'${s}'`).join(', ')})`;

export const ACTIONS_CTE = /* sql */ `
  acts AS (
    SELECT a.id, a.contact_id, a.kind, a.template_id,
           (a.status IN ${SENT_STATUSES}
            OR EXISTS (SELECT 1 FROM outreach_events e WHERE e.action_id = a.id AND e.status IN ${SENT_STATUSES})) AS sent,
           (a.status = 'replied'
            OR EXISTS (SELECT 1 FROM outreach_events e WHERE e.action_id = a.id AND e.status = 'replied')) AS replied,
           (a.kind = 'invite' AND (a.status = 'accepted'
            OR EXISTS (SELECT 1 FROM outreach_events e WHERE e.action_id = a.id AND e.status = 'accepted'))) AS accepted
    FROM outreach_actions a),
  sent_acts AS (SELECT * FROM acts WHERE sent)`;

/** A ratio, or null when there is nothing to divide by. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);
