import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import type { Clock } from '../clock';
import { recordAudit } from '../audit/audit';
import { splitEmails } from '../normalize/email';
import { normalizeLinkedinUrl } from '../normalize/linkedin';
import { normalizePhone } from '../normalize/phone';
import { personNameKey, splitFullName } from '../normalize/personName';
import { cleanText } from '../normalize/text';

export interface ContactChanges {
  fullName?: string;
  title?: string | null;
  email?: string | null;
  linkedinUrl?: string | null;
  phone?: string | null;
}

/**
 * The seller's own correction of a lead (E in the approval queue): cleaned like an import would
 * clean it, marked as typed by hand in the record's provenance, and audited.
 */
export function editContact(db: Db, id: number, changes: ContactChanges, clock: Clock): void {
  const row = db.prepare('SELECT * FROM contacts WHERE id = ? AND merged_into IS NULL').get(id) as
    Record<string, unknown> | undefined;
  if (!row) throw new AppFailure('not_found', `There is no contact ${id}.`);
  const now = clock.now().toISOString();
  const set: Record<string, unknown> = {};
  if (changes.fullName !== undefined) {
    const full = cleanText(changes.fullName);
    if (!full) throw new AppFailure('invalid_input', 'A contact needs a name.');
    const { first, last } = splitFullName(full);
    Object.assign(set, {
      full_name: full,
      first_name: first,
      last_name: last,
      name_key: personNameKey(full),
    });
  }
  if (changes.title !== undefined) set.title = changes.title ? cleanText(changes.title) : null;
  if (changes.email !== undefined) {
    if (changes.email) {
      const [email] = splitEmails(changes.email).valid;
      if (!email) throw new AppFailure('invalid_input', `“${changes.email}” is not an email address.`);
      set.email = email;
    } else set.email = null;
  }
  if (changes.linkedinUrl !== undefined) {
    if (changes.linkedinUrl) {
      const profile = normalizeLinkedinUrl(changes.linkedinUrl);
      if (!profile)
        throw new AppFailure('invalid_input', `“${changes.linkedinUrl}” is not a LinkedIn profile link.`);
      Object.assign(set, { linkedin_url: profile.url, linkedin_key: profile.key });
    } else Object.assign(set, { linkedin_url: null, linkedin_key: null });
  }
  if (changes.phone !== undefined) {
    if (changes.phone) {
      const phone = normalizePhone(changes.phone);
      if (!phone) throw new AppFailure('invalid_input', `“${changes.phone}” is not a phone number.`);
      Object.assign(set, { phone: phone.e164, phone10: phone.phone10 });
    } else Object.assign(set, { phone: null, phone10: null });
  }
  if (Object.keys(set).length === 0) return;
  const sources = JSON.parse(String(row.field_sources ?? '{}')) as Record<string, unknown>;
  for (const field of Object.keys(set)) sources[field] = { manual: now };
  db.transaction(() => {
    db.prepare(
      `UPDATE contacts SET ${Object.keys(set)
        .map((c) => `${c} = @${c}`)
        .join(', ')}, field_sources = @field_sources, updated_at = @now WHERE id = @id`,
    ).run({
      ...set,
      field_sources: JSON.stringify(sources),
      now,
      id,
    });
    if (typeof set.email === 'string') {
      db.prepare(
        `INSERT INTO contact_emails (contact_id, email, source, confidence, status, evidence, created_at) VALUES (?, ?, 'manual', 90, 'verified', '{"typed":true}', ?)
         ON CONFLICT (contact_id, email) DO NOTHING`,
      ).run(id, set.email, now);
    }
    const before = Object.fromEntries(Object.keys(set).map((k) => [k, row[k] ?? null]));
    recordAudit(
      db,
      { action: 'contact.edited', entityType: 'contact', entityId: id, details: { before, after: set } },
      clock,
    );
  })();
}
