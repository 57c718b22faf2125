import type { Db } from '../db/database';
import type { DomainSearchResult, HunterEmail } from '../enrich/hunterTypes';
import { normalizeEmail } from '../normalize/email';
import { mentions, type Identifiers } from './people';
import { redactJson } from './scrub';

/**
 * What email enrichment remembers about a person, keyed by their address or name rather than by
 * a contact id: the verifier's answers about their addresses (`hunter_verifications`), their entry
 * in a cached Hunter domain search (`hunter_searches`), a domain's pattern learned from their
 * verified address (`email_patterns.example`), and colleagues' guessed addresses whose evidence
 * says it was learned from theirs (`contact_emails.evidence`).
 */

const normal = (email: string) => normalizeEmail(email) ?? email.toLowerCase();
const fullName = (first: string | null, last: string | null) =>
  `${first ?? ''} ${last ?? ''}`.trim().toLowerCase().replace(/\s+/g, ' ');

/** Whether one person of a Hunter domain search is this person: their address, profile or name. */
function isThem(entry: HunterEmail, ids: Identifiers): boolean {
  return (
    (typeof entry.value === 'string' && ids.emails.has(normal(entry.value))) ||
    ids.names.has(fullName(entry.firstName, entry.lastName)) ||
    mentions(JSON.stringify(entry), ids)
  );
}

interface SearchRow {
  domain: string;
  month: string;
  result: string;
  searched_at: string;
}

/** Cached domain searches that list the person, with the entries that are theirs. */
function searchesListing(
  db: Db,
  ids: Identifiers,
): { row: SearchRow; result: DomainSearchResult; theirs: HunterEmail[] }[] {
  const rows = db
    .prepare('SELECT domain, month, result, searched_at FROM hunter_searches')
    .all() as SearchRow[];
  const out = [];
  for (const row of rows) {
    let result: DomainSearchResult;
    try {
      result = JSON.parse(row.result) as DomainSearchResult;
    } catch {
      continue;
    }
    const theirs = (Array.isArray(result.emails) ? result.emails : []).filter((e) => isThem(e, ids));
    if (theirs.length > 0 || mentions(row.result, ids)) out.push({ row, result, theirs });
  }
  return out;
}

/** The lowercased needles a row's text must contain to be worth parsing: addresses, names, profiles. */
const needles = (ids: Identifiers) => JSON.stringify([...ids.emails, ...ids.names, ...ids.linkedinKeys]);
const CONTAINS_ONE = `EXISTS (SELECT 1 FROM json_each(@needles) WHERE instr(lower(evidence), value) > 0)`;

/** For the person's export: everything enrichment holds on them. */
export function enrichmentAbout(db: Db, ids: Identifiers, records: readonly number[]) {
  const emails = JSON.stringify([...ids.emails]);
  return {
    verifications: db
      .prepare(
        `SELECT email, month, result, verified_at FROM hunter_verifications
         WHERE lower(email) IN (SELECT value FROM json_each(?)) ORDER BY email, month`,
      )
      .all(emails)
      .map((r) => {
        const row = r as Record<string, unknown>;
        return { ...row, result: JSON.parse(String(row.result)) as unknown };
      }),
    hunterSearches: searchesListing(db, ids).map(({ row, theirs }) => ({
      domain: row.domain,
      month: row.month,
      searchedAt: row.searched_at,
      entries: theirs,
    })),
    patternsLearnedFromThem: (
      db
        .prepare(
          `SELECT domain, template, source, example, learned_at FROM email_patterns WHERE example IS NOT NULL`,
        )
        .all() as { example: string }[]
    ).filter((p) => ids.emails.has(normal(p.example))),
    // Only the sentences that mention them: the colleague's own address is the colleague's data.
    inColleaguesEvidence: (
      db
        .prepare(
          `SELECT evidence FROM contact_emails
           WHERE contact_id NOT IN (SELECT value FROM json_each(@records)) AND ${CONTAINS_ONE}`,
        )
        .pluck()
        .all({ records: JSON.stringify(records), needles: needles(ids) }) as string[]
    ).flatMap((text) => sentences(text).filter((s) => mentions(s, ids))),
  };
}

function sentences(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    const out: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') out.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(value);
    return out;
  } catch {
    return [text];
  }
}

/**
 * Erases the person from enrichment's memory. Their verifier answers go; their entry leaves each
 * cached domain search, which keeps everyone else (the search was paid for, and other people's
 * data is not erased); a pattern learned from their address keeps the pattern and loses the
 * example; a colleague's evidence keeps its sentence with their address replaced. Returns how
 * many rows changed.
 */
export function eraseEnrichment(db: Db, ids: Identifiers): number {
  if (ids.emails.size + ids.names.size + ids.linkedinKeys.size === 0) return 0;
  let changed = db
    .prepare(`DELETE FROM hunter_verifications WHERE lower(email) IN (SELECT value FROM json_each(?))`)
    .run(JSON.stringify([...ids.emails])).changes;

  const updateSearch = db.prepare('UPDATE hunter_searches SET result = ? WHERE domain = ? AND month = ?');
  for (const { row, result, theirs } of searchesListing(db, ids)) {
    const kept = { ...result, emails: (result.emails ?? []).filter((e) => !theirs.includes(e)) };
    // Whatever else still names them (an organisation named after them) is scrubbed in place.
    updateSearch.run(redactJson(JSON.stringify(kept), ids), row.domain, row.month);
    changed++;
  }

  const patterns = db
    .prepare(`SELECT domain, example FROM email_patterns WHERE example IS NOT NULL`)
    .all() as { domain: string; example: string }[];
  const clearExample = db.prepare('UPDATE email_patterns SET example = NULL WHERE domain = ?');
  for (const p of patterns) {
    if (ids.emails.has(normal(p.example))) changed += clearExample.run(p.domain).changes;
  }

  // Their own rows are deleted by then: what is left is other people's.
  const evidence = db
    .prepare(`SELECT id, evidence FROM contact_emails WHERE ${CONTAINS_ONE}`)
    .all({ needles: needles(ids) }) as { id: number; evidence: string }[];
  const updateEvidence = db.prepare('UPDATE contact_emails SET evidence = ? WHERE id = ?');
  for (const row of evidence) {
    if (!mentions(row.evidence, ids)) continue;
    updateEvidence.run(redactJson(row.evidence, ids), row.id);
    changed++;
  }
  return changed;
}
