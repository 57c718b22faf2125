import { AppFailure } from '@shared/contract/result';
import type { OutreachKind } from '@shared/domain/outreach';
import {
  INVITE_NOTE_MAX,
  messageLength,
  TEMPLATE_VARIABLES,
  type Template,
  type TemplateValues,
  type TemplateVariable,
} from '@shared/domain/templates';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { splitFullName } from '../normalize/personName';

interface TemplateRow {
  id: number;
  kind: OutreachKind;
  name: string;
  subject: string | null;
  body: string;
  fallbacks: string;
  is_default: number;
  updated_at: string;
}

const VARIABLE_NAMES = new Set<string>(TEMPLATE_VARIABLES.map((v) => v.name));

function toTemplate(row: TemplateRow): Template {
  let fallbacks: Template['fallbacks'];
  try {
    fallbacks = JSON.parse(row.fallbacks) as Template['fallbacks'];
  } catch {
    fallbacks = {};
  }
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    subject: row.subject,
    body: row.body,
    fallbacks,
    isDefault: row.is_default === 1,
    updatedAt: row.updated_at,
  };
}

export function listTemplates(db: Db): Template[] {
  return (
    db.prepare('SELECT * FROM templates ORDER BY kind, is_default DESC, name').all() as TemplateRow[]
  ).map(toTemplate);
}

export interface TemplateIndex {
  /** Each kind's template for the queue: the default, else the first by name. */
  byKind: Map<OutreachKind, Template>;
  byId: Map<number, Template>;
}

export function templateIndex(db: Db): TemplateIndex {
  const byKind = new Map<OutreachKind, Template>();
  const byId = new Map<number, Template>();
  for (const t of listTemplates(db)) {
    if (!byKind.has(t.kind)) byKind.set(t.kind, t);
    byId.set(t.id, t);
  }
  return { byKind, byId };
}

export interface TemplateInput {
  id?: number | undefined;
  kind: OutreachKind;
  name: string;
  subject?: string | null | undefined;
  body: string;
  fallbacks?: Partial<Record<TemplateVariable, string>> | undefined;
  isDefault?: boolean | undefined;
}

/**
 * Adds or changes a template. An invite template longer than LinkedIn's note limit as written is
 * refused (each person's note is checked again once rendered). Making one the default of its kind
 * takes that from the others; the first template of a kind is its default.
 */
export function saveTemplate(db: Db, input: TemplateInput, clock: Clock): Template {
  const name = input.name.trim();
  const body = input.body.replace(/\r\n/g, '\n');
  if (!name) throw new AppFailure('invalid_input', 'Give the template a name.');
  if (!body.trim()) throw new AppFailure('invalid_input', 'The template has no text.');
  if (input.kind === 'invite' && messageLength(body) > INVITE_NOTE_MAX)
    throw new AppFailure(
      'invalid_input',
      `An invitation note can have ${INVITE_NOTE_MAX} characters; this template has ${messageLength(body)}.`,
      { length: messageLength(body), max: INVITE_NOTE_MAX },
    );
  const subject = input.kind === 'inmail' || input.kind === 'email' ? input.subject?.trim() || null : null;
  if ((input.kind === 'inmail' || input.kind === 'email') && !subject)
    throw new AppFailure('invalid_input', 'InMail and email templates need a subject.');
  const fallbacks = Object.fromEntries(
    Object.entries(input.fallbacks ?? {}).filter(([k, v]) => VARIABLE_NAMES.has(k) && typeof v === 'string'),
  );
  const now = clock.now().toISOString();
  return db.transaction(() => {
    const clash = db
      .prepare('SELECT id FROM templates WHERE kind = ? AND name = ? AND id IS NOT ?')
      .pluck()
      .get(input.kind, name, input.id ?? null);
    if (clash !== undefined)
      throw new AppFailure('conflict', `There is already a ${input.kind} template named “${name}”.`);
    let id = input.id;
    if (id !== undefined) {
      const existing = db.prepare('SELECT kind FROM templates WHERE id = ?').pluck().get(id);
      if (existing === undefined) throw new AppFailure('not_found', `There is no template ${id}.`);
      if (existing !== input.kind)
        throw new AppFailure('invalid_input', 'A template keeps its kind; make a new one instead.');
      db.prepare(
        'UPDATE templates SET name = ?, subject = ?, body = ?, fallbacks = ?, updated_at = ? WHERE id = ?',
      ).run(name, subject, body, JSON.stringify(fallbacks), now, id);
    } else {
      id = Number(
        db
          .prepare(
            'INSERT INTO templates (kind, name, subject, body, fallbacks, is_default, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?)',
          )
          .run(input.kind, name, subject, body, JSON.stringify(fallbacks), now, now).lastInsertRowid,
      );
    }
    const hasDefault = db
      .prepare('SELECT 1 FROM templates WHERE kind = ? AND is_default = 1 AND id <> ?')
      .pluck()
      .get(input.kind, id);
    if (input.isDefault || hasDefault === undefined) {
      db.prepare('UPDATE templates SET is_default = (id = ?) WHERE kind = ?').run(id, input.kind);
    }
    recordAudit(
      db,
      { action: input.id ? 'templates.changed' : 'templates.added', entityType: 'template', entityId: id },
      clock,
    );
    return toTemplate(db.prepare('SELECT * FROM templates WHERE id = ?').get(id) as TemplateRow);
  })();
}

/** Removes a template; items that used it take their kind's default. The default moves on too. */
export function deleteTemplate(db: Db, id: number, clock: Clock): void {
  db.transaction(() => {
    const row = db.prepare('SELECT kind, is_default FROM templates WHERE id = ?').get(id) as
      { kind: OutreachKind; is_default: number } | undefined;
    if (!row) throw new AppFailure('not_found', `There is no template ${id}.`);
    db.prepare('UPDATE outreach_actions SET template_id = NULL WHERE template_id = ?').run(id);
    db.prepare('DELETE FROM templates WHERE id = ?').run(id);
    if (row.is_default === 1)
      db.prepare(
        'UPDATE templates SET is_default = 1 WHERE id = (SELECT id FROM templates WHERE kind = ? ORDER BY name LIMIT 1)',
      ).run(row.kind);
    recordAudit(db, { action: 'templates.deleted', entityType: 'template', entityId: id }, clock);
  })();
}

/** Company names read better without their legal form in a message: "Okafor Electric, Inc." → "Okafor Electric". */
export function companyForMessage(name: string | null): string | null {
  if (!name) return null;
  let text = name.trim();
  for (;;) {
    const next = text.replace(
      /[,\s]+(inc|llc|l\.l\.c|corp|corporation|ltd|limited|gmbh|plc|pllc|llp|lp)\.?$/i,
      '',
    );
    if (next === text || !next) break;
    text = next;
  }
  return text;
}

/** What a contact's row offers the template variables. */
export interface ContactFacts {
  full_name: string;
  first_name: string | null;
  last_name: string | null;
  title: string | null;
  company: string | null;
  industry: string | null;
  city: string | null;
  state: string | null;
}

export function templateValues(facts: ContactFacts, senderName: string): TemplateValues {
  const split = splitFullName(facts.full_name);
  return {
    first_name: facts.first_name ?? split.first,
    last_name: facts.last_name ?? split.last,
    full_name: facts.full_name,
    title: facts.title,
    company: companyForMessage(facts.company),
    industry: facts.industry,
    city: facts.city,
    state: facts.state,
    // Not known from any list we read yet; the template's fallback speaks for it.
    mutual_connection: null,
    my_name: senderName || null,
  };
}

export const CONTACT_FACTS_SQL = `c.full_name, c.first_name, c.last_name, c.title, co.name AS company,
  co.industry, COALESCE(c.city, co.city) AS city, COALESCE(c.state, co.state) AS state`;

/** One contact's template values, for the Templates page's preview. */
export function contactValues(db: Db, contactId: number, senderName: string): TemplateValues {
  const facts = db
    .prepare(
      `SELECT ${CONTACT_FACTS_SQL} FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.id = ?`,
    )
    .get(contactId) as ContactFacts | undefined;
  if (!facts) throw new AppFailure('not_found', `There is no contact ${contactId}.`);
  return templateValues(facts, senderName);
}
