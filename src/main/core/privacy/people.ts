import { AppFailure } from '@shared/contract/result';
import type { Db } from '../db/database';
import { normalizeEmail } from '../normalize/email';
import { linkedinKey } from '../normalize/linkedin';

/**
 * A person is a standing contact together with every contact record merged into it (merges keep
 * the merged record, marked merged_into). Asked about a merged record, the person is the one it
 * was merged into.
 */
export function personRecords(db: Db, contactId: number): number[] {
  const root = db
    .prepare(
      `WITH RECURSIVE up(id, merged_into) AS (
         SELECT id, merged_into FROM contacts WHERE id = ?
         UNION SELECT c.id, c.merged_into FROM contacts c JOIN up ON c.id = up.merged_into)
       SELECT id FROM up WHERE merged_into IS NULL`,
    )
    .pluck()
    .get(contactId) as number | undefined;
  if (root === undefined) throw new AppFailure('not_found', `There is no contact ${contactId}.`);
  return [root, ...mergedInto(db, [root])];
}

/** Every record merged (directly or through others) into these. */
function mergedInto(db: Db, roots: number[]): number[] {
  return db
    .prepare(
      `WITH RECURSIVE down(id) AS (
         SELECT value FROM json_each(?)
         UNION SELECT c.id FROM contacts c JOIN down ON c.merged_into = down.id)
       SELECT id FROM down WHERE id NOT IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(roots), JSON.stringify(roots)) as number[];
}

/** Standing contacts with everything merged into them, for bulk erasure (retention). */
export function recordsOfPeople(db: Db, roots: readonly number[]): number[] {
  return roots.length === 0 ? [] : [...roots, ...mergedInto(db, [...roots])];
}

/**
 * What identifies the person in text the app keeps beside its records (raw rows, job results, audit
 * details): their addresses, LinkedIn profile keys and full names. Lowercased.
 */
export interface Identifiers {
  emails: Set<string>;
  linkedinKeys: Set<string>;
  /** Full names of at least two words and five letters: shorter ones would match strangers. */
  names: Set<string>;
}

export function identifiersOf(db: Db, recordIds: readonly number[]): Identifiers {
  const ids = JSON.stringify(recordIds);
  const found = { emails: new Set<string>(), linkedinKeys: new Set<string>(), names: new Set<string>() };
  const rows = db
    .prepare(
      `SELECT email, linkedin_key, full_name FROM contacts WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids) as { email: string | null; linkedin_key: string | null; full_name: string }[];
  const more = db
    .prepare(`SELECT email FROM contact_emails WHERE contact_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(ids) as string[];
  for (const email of [...rows.map((r) => r.email), ...more]) {
    const normal = email ? (normalizeEmail(email) ?? email.toLowerCase()) : null;
    if (normal) found.emails.add(normal);
  }
  for (const row of rows) {
    if (row.linkedin_key) found.linkedinKeys.add(row.linkedin_key.toLowerCase());
    const name = row.full_name.trim().toLowerCase().replace(/\s+/g, ' ');
    if (name.includes(' ') && name.replace(/[^\p{L}]/gu, '').length >= 5) found.names.add(name);
  }
  return found;
}

export const hasIdentifiers = (ids: Identifiers) =>
  ids.emails.size + ids.linkedinKeys.size + ids.names.size > 0;

const EMAIL_IN_TEXT = /[^\s"'<>(),;:[\]{}]+@[^\s"'<>(),;:[\]{}]+/g;
const PROFILE_IN_TEXT = /linkedin\.com\/(?:in|pub)\/[^?#\s"'<>]+/gi;
/** Above this many names (a retention purge), text is searched by address and profile only. */
const NAME_SEARCH_LIMIT = 100;

/**
 * Whether a text mentions the person: one of their addresses or LinkedIn profiles appears in it
 * (found by pattern, then looked up, so a purge of thousands stays one pass per text), or — for a
 * handful of people — one of their full names does (case-insensitive).
 */
export function mentions(text: string, ids: Identifiers, byName = true): boolean {
  if (ids.emails.size > 0 && text.includes('@')) {
    for (const [match] of text.matchAll(EMAIL_IN_TEXT)) {
      if (ids.emails.has(normalizeEmail(match) ?? match.toLowerCase())) return true;
    }
  }
  if (ids.linkedinKeys.size > 0 && /linkedin\.com\//i.test(text)) {
    // The stored key's own rule (linkedinKey), so a legacy /pub/name/a/b/c link finds the person
    // stored as name-cba, as an import would have keyed it.
    for (const [match] of text.matchAll(PROFILE_IN_TEXT)) {
      const key = linkedinKey(`https://www.${match}`);
      if (key && ids.linkedinKeys.has(key.toLowerCase())) return true;
    }
  }
  if (byName && ids.names.size > 0 && ids.names.size <= NAME_SEARCH_LIMIT) {
    const lower = text.toLowerCase().replace(/\s+/g, ' ');
    for (const name of ids.names) if (lower.includes(name)) return true;
  }
  return false;
}
