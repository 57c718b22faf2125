import type { OutreachKind, OutreachStatus, QueueItem } from '@shared/domain/outreach';
import type { ScoreBreakdown } from '@shared/domain/settings/scoring';
import { KIND_LABELS } from '@shared/domain/outreach';
import { messageProblem, renderTemplate, unfilledProblem } from '@shared/domain/templates';
import type { Db } from '../db/database';
import { normalizeLinkedinUrl } from '../normalize/linkedin';
import type { QuotaConfig } from '../quotas/config';
import {
  CONTACT_FACTS_SQL,
  templateIndex,
  templateValues,
  type ContactFacts,
  type TemplateIndex,
} from '../templates/templates';
import { routeReason } from './route';

/** An outreach_actions row with what the queue shows of its contact. */
export interface ItemRow extends ContactFacts {
  id: number;
  contact_id: number;
  kind: OutreachKind;
  status: OutreachStatus;
  template_id: number | null;
  subject: string | null;
  body: string | null;
  priority: number;
  planned_for: string | null;
  snoozed_until: string | null;
  sent_at: string | null;
  parent_id: number | null;
  ledger_id: number | null;
  email: string | null;
  linkedin_url: string | null;
  tier: 'HOT' | 'WARM' | 'COLD' | null;
  score: number | null;
  breakdown: string | null;
}

export const ITEM_SQL = `SELECT a.id, a.contact_id, a.kind, a.status, a.template_id, a.subject, a.body, a.priority,
    a.planned_for, a.snoozed_until, a.sent_at, a.parent_id, a.ledger_id,
    c.email, NULLIF(c.linkedin_url, '') AS linkedin_url, s.tier, s.score, s.breakdown, ${CONTACT_FACTS_SQL}
  FROM outreach_actions a
  JOIN contacts c ON c.id = a.contact_id
  LEFT JOIN companies co ON co.id = c.company_id
  LEFT JOIN scores s ON s.contact_id = c.id`;

/** Loads items by id, keeping the order of `ids`. */
export function loadItemRows(db: Db, ids: readonly number[]): ItemRow[] {
  const rows = new Map<number, ItemRow>();
  const select = db.prepare(`${ITEM_SQL} WHERE a.id IN (SELECT value FROM json_each(?))`);
  for (let i = 0; i < ids.length; i += 500) {
    for (const row of select.all(JSON.stringify(ids.slice(i, i + 500))) as ItemRow[]) rows.set(row.id, row);
  }
  return ids.map((id) => rows.get(id)).filter((r): r is ItemRow => r !== undefined);
}

/** The message as it would be sent now: the seller's edit, else the template rendered for this person. */
export function messageFor(
  row: ItemRow,
  templates: TemplateIndex,
  senderName: string,
): Pick<QueueItem, 'subject' | 'body' | 'edited' | 'templateId' | 'templateName' | 'missing' | 'problem'> {
  const own = row.template_id !== null ? templates.byId.get(row.template_id) : undefined;
  const template = own && own.kind === row.kind ? own : templates.byKind.get(row.kind);
  const edited = row.body !== null;
  let subject: string | null = null;
  let body = '';
  let missing: string[] = [];
  if (edited) {
    subject = row.subject;
    body = row.body!;
  } else if (template) {
    const values = templateValues(row, senderName);
    const renderedBody = renderTemplate(template.body, values, template.fallbacks);
    body = renderedBody.text;
    missing = renderedBody.missing;
    if (template.subject !== null) {
      const renderedSubject = renderTemplate(template.subject, values, template.fallbacks);
      subject = renderedSubject.text;
      missing = [...new Set([...missing, ...renderedSubject.missing])];
    }
  }
  const problem =
    !edited && !template
      ? `There is no template for ${KIND_LABELS[row.kind].many}; add one on the Templates page.`
      : (messageProblem(row.kind, subject, body) ?? unfilledProblem(subject, body));
  return {
    subject,
    body,
    edited,
    templateId: template?.id ?? null,
    templateName: edited ? null : (template?.name ?? null),
    missing,
    problem,
  };
}

function reasons(row: ItemRow): string[] {
  const why = [routeReason(row.kind, row.tier, row.email !== null)];
  if (row.breakdown) {
    try {
      const breakdown = JSON.parse(row.breakdown) as ScoreBreakdown;
      why.push(...breakdown.factors.map((f) => f.sentence));
    } catch {
      // A breakdown we cannot read is left out; the score still shows.
    }
  }
  return why;
}

/** Renders rows for the page with the templates as they are now. */
export function toQueueItems(db: Db, rows: ItemRow[], config: QuotaConfig): QueueItem[] {
  if (rows.length === 0) return [];
  const templates = templateIndex(db);
  const sentText = db.prepare(
    `SELECT note FROM outreach_events WHERE action_id = ? AND status = 'sent' ORDER BY id DESC LIMIT 1`,
  );
  return rows.map((row): QueueItem => {
    let message = messageFor(row, templates, config.senderName);
    if (row.sent_at) {
      // What went out, as it went out; later template edits do not rewrite history.
      const sent = parseSent(sentText.pluck().get(row.id) as string | undefined);
      if (sent) message = { ...message, subject: sent.subject, body: sent.body, problem: null };
    }
    return {
      id: row.id,
      contactId: row.contact_id,
      kind: row.kind,
      status: row.status,
      name: row.full_name,
      title: row.title,
      company: row.company,
      email: row.email,
      linkedinUrl: row.linkedin_url
        ? (normalizeLinkedinUrl(row.linkedin_url)?.url ?? row.linkedin_url)
        : null,
      tier: row.tier,
      score: row.score,
      priority: row.priority,
      why: reasons(row),
      ...message,
      plannedFor: row.planned_for,
      snoozedUntil: row.snoozed_until,
      sentAt: row.sent_at,
      doneAs: null,
    };
  });
}

export interface SentText {
  subject: string | null;
  body: string;
  templateId: number | null;
}

export function parseSent(note: string | null | undefined): SentText | null {
  if (!note) return null;
  try {
    const value = JSON.parse(note) as Partial<SentText>;
    return typeof value.body === 'string'
      ? { subject: value.subject ?? null, body: value.body, templateId: value.templateId ?? null }
      : null;
  } catch {
    return null;
  }
}
