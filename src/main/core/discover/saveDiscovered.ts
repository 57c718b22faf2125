import type { Db } from '../db/database';
import { statement } from '../db/statementCache';
import type { DiscoveredPerson } from '../linkedin/types';
import { linkedinKey } from '../normalize/linkedin';
import { personNameKey, splitFullName } from '../normalize/personName';

/** The contacts table's word for where a person came from (the scorer reads it). */
export type StoredSource = 'search' | 'company_page' | 'connection';

export interface SaveReport {
  added: number;
  updated: number;
  /** Already known with nothing new to say. */
  unchanged: number;
  /** On the do-not-contact list by their LinkedIn profile: not collected at all. */
  suppressed: number;
}

interface ExistingContact {
  id: number;
  title: string | null;
  city: string | null;
  linkedin_url: string | null;
  linkedin_key: string | null;
  company_id: number | null;
  discovery_source: string;
  connection_degree: number | null;
  connected_on: string | null;
}

/** A first-degree person is an existing connection, however we came across them. */
export function storedSourceOf(person: DiscoveredPerson): StoredSource {
  if (person.degree === 1 || person.source === 'existing_connection') return 'connection';
  return person.source === 'company_page' ? 'company_page' : 'search';
}

/** "Austin, Texas, United States" → "Austin"; a lone region is no city. */
function cityOf(location: string | null): string | null {
  if (!location) return null;
  const parts = location.split(',').map((p) => p.trim());
  return parts.length >= 2 && parts[0] ? parts[0] : null;
}

/**
 * The same rules as an import's: a person is the contact with the same LinkedIn profile, else the
 * contact of the same name at the same company. Found: fill in what is missing and upgrade the
 * source to an existing connection when LinkedIn says so (never downgrade, never overwrite what
 * the seller's files said). Not found: a new contact at `companyId` with its discovery source.
 * Everything in one transaction: a company's people land whole or not at all. Someone on the
 * do-not-contact list by their profile is not collected (the seller said no; we keep nothing new).
 */
export function saveDiscovered(
  db: Db,
  people: readonly DiscoveredPerson[],
  companyId: number | null,
  now: string,
): SaveReport {
  const report: SaveReport = { added: 0, updated: 0, unchanged: 0, suppressed: 0 };
  const doNotContact = statement(
    db,
    `SELECT 1 FROM suppressions WHERE kind = 'linkedin' AND value = ?`,
  ).pluck();
  const byKey = statement(
    db,
    `SELECT id, title, city, linkedin_url, linkedin_key, company_id, discovery_source, connection_degree, connected_on
       FROM contacts WHERE linkedin_key = ? AND merged_into IS NULL LIMIT 1`,
  );
  const byName = statement(
    db,
    `SELECT id, title, city, linkedin_url, linkedin_key, company_id, discovery_source, connection_degree, connected_on
       FROM contacts WHERE company_id = ? AND name_key = ? AND merged_into IS NULL LIMIT 1`,
  );
  // A lead-list row has no public profile, and some name no company: without either, the person we
  // found on LinkedIn before under the same name (and no company) is this one — else every import of
  // the same list added them again. Only people LinkedIn gave us: a name alone is too weak a match
  // for someone from the seller's files.
  const byNameFoundHere = statement(
    db,
    `SELECT id, title, city, linkedin_url, linkedin_key, company_id, discovery_source, connection_degree, connected_on
       FROM contacts WHERE company_id IS NULL AND name_key = ? AND merged_into IS NULL
         AND discovery_source IN ('search', 'company_page', 'connection') AND linkedin_key IS NULL LIMIT 1`,
  );
  const insert = statement(
    db,
    `INSERT INTO contacts (company_id, first_name, last_name, full_name, name_key, title, linkedin_url, linkedin_key,
       city, discovery_source, connection_degree, connected_on, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const person of people) {
      const key = linkedinKey(person.profileUrl) ?? null;
      const nameKey = personNameKey(person.name);
      if (!key && !nameKey) continue;
      if (key && doNotContact.get(key) !== undefined) {
        report.suppressed++;
        continue;
      }
      const existing = ((key ? byKey.get(key) : undefined) ??
        (companyId !== null && nameKey ? byName.get(companyId, nameKey) : undefined) ??
        (companyId === null && !key && nameKey ? byNameFoundHere.get(nameKey) : undefined)) as
        ExistingContact | undefined;
      const source = storedSourceOf(person);
      if (!existing) {
        const { first, last } = splitFullName(person.name);
        insert.run(
          companyId,
          first,
          last,
          person.name,
          nameKey,
          person.title,
          person.profileUrl,
          key,
          cityOf(person.location),
          source,
          person.degree,
          person.connectedOn ?? null,
          now,
          now,
        );
        report.added++;
        continue;
      }
      const changes: Record<string, unknown> = {};
      if (!existing.title && person.title) changes.title = person.title;
      if (!existing.city && cityOf(person.location)) changes.city = cityOf(person.location);
      if (!existing.linkedin_key && key) {
        changes.linkedin_url = person.profileUrl;
        changes.linkedin_key = key;
      }
      if (existing.company_id === null && companyId !== null) changes.company_id = companyId;
      if (source === 'connection' && existing.discovery_source !== 'connection')
        changes.discovery_source = 'connection';
      if (person.degree !== null && existing.connection_degree !== person.degree)
        changes.connection_degree = person.degree;
      if (person.connectedOn && !existing.connected_on) changes.connected_on = person.connectedOn;
      const fields = Object.keys(changes);
      if (fields.length === 0) {
        report.unchanged++;
        continue;
      }
      db.prepare(
        `UPDATE contacts SET ${fields.map((f) => `${f} = @${f}`).join(', ')}, updated_at = @now WHERE id = @id`,
      ).run({ ...changes, now, id: existing.id });
      report.updated++;
    }
  })();
  return report;
}

/**
 * The seller's connections list: every contact with one of these profiles becomes an existing
 * connection (degree 1). People we do not know yet are not added: a seller's network is not a
 * prospect list. Returns how many contacts were marked.
 */
export function markConnections(db: Db, people: readonly DiscoveredPerson[], now: string): number {
  const mark = statement(
    db,
    `UPDATE contacts SET discovery_source = 'connection', connection_degree = 1,
       connected_on = coalesce(connected_on, ?), updated_at = ?
     WHERE linkedin_key = ? AND merged_into IS NULL
       AND (discovery_source != 'connection' OR connection_degree IS NOT 1)`,
  );
  let marked = 0;
  db.transaction(() => {
    for (const person of people) {
      const key = linkedinKey(person.profileUrl);
      if (key) marked += mark.run(person.connectedOn ?? null, now, key).changes;
    }
  })();
  return marked;
}
