import type { EnrichRequest } from '@shared/domain/enrich';
import type { Db } from '../../db/database';
import { RecordLists } from '../../records/recordLists';
import { suppressedSql } from '../../suppression/suppressions';
import type { EnrichContactInput } from '../enrichTypes';

interface Row {
  id: number;
  first_name: string | null;
  last_name: string | null;
  full_name: string;
  score: number | null;
  company: string | null;
  website: string | null;
  domain: string | null;
}

/** Ids per query: SQLite reads the list as one JSON parameter, however long. */
const CHUNK = 5000;

/**
 * The people a run works on: the chosen ones or the filter's, standing (not merged away), not on
 * the do-not-contact list, and without an email of their own or a verified one; highest score
 * first (unscored last), then the oldest, and at most `limit`. A contact that got a verified
 * address in an earlier run is not picked again, so a stopped run resumes where it stopped; one
 * left with guesses only (no key, a refused key, Hunter's plan used up, no credit left) is, so a
 * later run with Hunter can still find theirs. That costs no credit twice: this month's domain
 * searches and verifier answers are cached, and a finder credit is booked once a month per name.
 */
export function contactsToEnrich(db: Db, request: EnrichRequest): EnrichContactInput[] {
  const ids = request.contactIds?.length
    ? request.contactIds
    : Array.from(new RecordLists(db).contactIds({ ...request.filter, hasEmail: false }));
  const rows: Row[] = [];
  const query = db.prepare(
    `SELECT c.id, c.first_name, c.last_name, c.full_name, s.score, co.name AS company, co.website, co.domain
     FROM contacts c
     LEFT JOIN companies co ON co.id = c.company_id
     LEFT JOIN scores s ON s.contact_id = c.id
     WHERE c.id IN (SELECT value FROM json_each(?))
       AND c.merged_into IS NULL
       AND c.email IS NULL
       AND NOT EXISTS (SELECT 1 FROM contact_emails e WHERE e.contact_id = c.id AND e.status = 'verified')
       AND NOT ${suppressedSql('c')}`,
  );
  for (let i = 0; i < ids.length; i += CHUNK)
    rows.push(...(query.all(JSON.stringify(ids.slice(i, i + CHUNK))) as Row[]));
  rows.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.id - b.id);
  const picked = request.limit ? rows.slice(0, request.limit) : rows;
  return picked.map((r) => ({
    id: r.id,
    firstName: r.first_name,
    lastName: r.last_name,
    fullName: r.full_name,
    score: r.score,
    company: r.company,
    website: r.website,
    domain: r.domain,
  }));
}
