import type { Db } from '../../db/database';
import type { Clock } from '../../clock';
import { statement } from '../../db/statementCache';
import { recordAudit } from '../../audit/audit';
import type { ContactEnrichment, FoundEmail } from '../enrichTypes';
import { rescore } from '../../scoring/rescore';
import { readSettings } from '../../settings/settingsStore';

/** What `contact_emails.evidence` holds for an address enrichment found; the drawer reads it. */
export interface StoredEvidence {
  method: FoundEmail['method'];
  domain: string | null;
  domainSource: ContactEnrichment['domainSource'];
  patternName: string | null;
  hunterConfidence: number | null;
  verification: FoundEmail['verification'];
  mx: FoundEmail['mx'];
  /** Sentences: how it was found and each adjustment to its confidence. */
  reasons: string[];
  /** About the contact's domain (why no search, how the domain was found). */
  notes: string[];
  jobId: number | null;
  foundAt: string;
}

/**
 * Stores one batch of finished contacts in one transaction: each contact's addresses with their
 * evidence, the best one as its email when verified, and a line in its history (also when nothing was found, with why). A cancel or a
 * crash between batches leaves whole contacts only; an address the contact already has (typed or
 * imported meanwhile) is kept as it is. A run over a contact left with guesses stores each address
 * once: a guess found again stays one row, and one now surer (Hunter listed it, the verifier
 * confirmed it) is updated in place.
 */
export function saveEnrichments(
  db: Db,
  batch: readonly ContactEnrichment[],
  clock: Clock,
  jobId: number | null,
): number {
  const at = clock.now().toISOString();
  const insert = statement(
    db,
    `INSERT INTO contact_emails (contact_id, email, source, pattern, confidence, status, catch_all, evidence, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (contact_id, email) DO UPDATE SET
       source = excluded.source, pattern = excluded.pattern, confidence = excluded.confidence,
       status = excluded.status, catch_all = excluded.catch_all, evidence = excluded.evidence
     WHERE contact_emails.source IN ('hunter', 'pattern') AND excluded.confidence > contact_emails.confidence`,
  );
  // A verified address becomes the contact's email (routing, outreach and export read that one);
  // unknown and risky ones stay in the list, for the seller to judge in the drawer.
  const setPrimary = statement(
    db,
    `UPDATE contacts SET email = ?, field_sources = json_set(field_sources, '$.email', json(?)), updated_at = ?
     WHERE id = ? AND email IS NULL`,
  );
  let saved = 0;
  db.transaction(() => {
    for (const result of batch) {
      const contactId = Number(result.contactId);
      for (const e of result.emails) {
        const evidence: StoredEvidence = {
          method: e.method,
          domain: result.domain,
          domainSource: result.domainSource,
          patternName: e.patternName,
          hunterConfidence: e.hunterConfidence,
          verification: e.verification,
          mx: e.mx,
          reasons: e.evidence,
          notes: result.notes,
          jobId,
          foundAt: at,
        };
        saved += insert.run(
          contactId,
          e.email,
          e.source,
          e.pattern,
          e.confidence,
          e.status,
          e.catchAll ? 1 : 0,
          JSON.stringify(evidence),
          at,
        ).changes;
      }
      const best = result.emails[0];
      if (best?.status === 'verified')
        setPrimary.run(best.email, JSON.stringify({ enriched: at, method: best.method }), at, contactId);
      recordAudit(
        db,
        {
          actor: 'system',
          action: best ? 'email.found' : 'email.not_found',
          entityType: 'contact',
          entityId: contactId,
          details: best
            ? {
                best: best.email,
                status: best.status,
                confidence: best.confidence,
                count: result.emails.length,
                jobId,
              }
            : { notes: result.notes, jobId },
        },
        clock,
      );
    }
    // A verified address is "a work email known" to the score: the batch is scored again with it,
    // in the same transaction, so the list, the queue and the plan see the new score at once.
    rescore(
      db,
      readSettings(db, 'scoring'),
      at,
      batch.map((r) => Number(r.contactId)),
    );
  }).immediate();
  return saved;
}
