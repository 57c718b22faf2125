import type { Migration } from './types';

/* The seeds' own message templates (LinkedIn ATL pipeline, Stage 6), with "[Your Name]" as the
 * {my_name} variable. The bracketed parts are the seller's to write; the queue will not send a
 * message that still has one. */
const INVITE_NOTE =
  "Hi {first_name}, I'd love to connect and learn more about {company}'s [relevant area]. Looking forward to connecting!";
const INMAIL_BODY = `Hi {first_name},

I noticed you're the {title} at {company} and thought you might be interested in [value proposition].

We help [target companies] achieve [specific outcome] through [solution].

Would you be open to a brief 15-minute call next week to explore if this could benefit {company}?

Best regards,
{my_name}`;
const EMAIL_BODY = `Hi {first_name},

I'm reaching out because [personalized reason based on company/role].

We've helped [similar company] achieve [specific result]. I'd love to share how we could do the same for {company}.

Are you available for a quick 15-minute call this week?

Best,
{my_name}`;
const FOLLOW_UP_BODY = `Thanks for connecting, {first_name}! We help [target companies] achieve [specific outcome]. Would a short call be useful for {company}?

{my_name}`;

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

/**
 * Outreach: per-variable fallbacks on templates and the default template of each kind; when an
 * item was sent and which ledger booking it used (so an undone "sent" gives its unit back);
 * indexes for the day's queue, the sent items waiting for an answer, and a day's events.
 */
export const m0010: Migration = {
  version: 10,
  name: 'outreach',
  sql: /* sql */ `
    ALTER TABLE templates ADD COLUMN fallbacks TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE outreach_actions ADD COLUMN sent_at TEXT;
    ALTER TABLE outreach_actions ADD COLUMN ledger_id INTEGER REFERENCES quota_ledger(id);
    CREATE INDEX outreach_actions_sent ON outreach_actions(status, sent_at) WHERE sent_at IS NOT NULL;
    CREATE INDEX outreach_actions_snoozed ON outreach_actions(snoozed_until) WHERE status = 'snoozed';
    CREATE INDEX outreach_events_at ON outreach_events(at);

    INSERT OR IGNORE INTO templates (kind, name, subject, body, fallbacks, is_default, created_at, updated_at) VALUES
      ('invite', 'Connection note', NULL, ${quote(INVITE_NOTE)}, '{}', 1, ${NOW}, ${NOW}),
      ('inmail', 'Intro InMail', 'Quick question about [relevant topic]', ${quote(INMAIL_BODY)}, '{}', 1, ${NOW}, ${NOW}),
      ('email', 'Intro email', 'Quick question for {company}', ${quote(EMAIL_BODY)}, '{}', 1, ${NOW}, ${NOW}),
      ('follow_up', 'Thanks for connecting', NULL, ${quote(FOLLOW_UP_BODY)}, '{}', 1, ${NOW}, ${NOW});
  `,
};
