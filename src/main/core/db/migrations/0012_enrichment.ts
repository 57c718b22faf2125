import type { Migration } from './types';

/**
 * Email enrichment's memory between runs. `email_patterns`: each domain's learned pattern and the
 * evidence for it (a verified address outranks Hunter's inference; it never expires).
 * `hunter_searches`: each paid domain search's answer, one per domain per calendar month, so a
 * domain is never paid for twice in a month, across restarts and job workers; `hunter_verifications`
 * the same for the verifier's answers, by address. `mx_cache`: each
 * domain's MX answer with the time it was checked (the lookup treats it as fresh for 24 hours).
 */
export const m0012: Migration = {
  version: 12,
  name: 'enrichment',
  sql: /* sql */ `
    CREATE TABLE email_patterns (
      domain        TEXT PRIMARY KEY,
      template      TEXT NOT NULL,
      source        TEXT NOT NULL CHECK (source IN ('verified_address','hunter')),
      example       TEXT,
      confirmations INTEGER NOT NULL DEFAULT 1,
      learned_at    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE hunter_searches (
      domain      TEXT NOT NULL,
      month       TEXT NOT NULL,
      result      TEXT NOT NULL,
      searched_at TEXT NOT NULL,
      PRIMARY KEY (domain, month)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE hunter_verifications (
      email       TEXT NOT NULL,
      month       TEXT NOT NULL,
      result      TEXT NOT NULL,
      verified_at TEXT NOT NULL,
      PRIMARY KEY (email, month)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE mx_cache (
      domain     TEXT PRIMARY KEY,
      status     TEXT NOT NULL CHECK (status IN ('present','absent','nxdomain')),
      hosts      TEXT NOT NULL DEFAULT '[]',
      checked_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;

    -- The ledger's credit for a paid Hunter call carries its stable key in note; enrichment looks
    -- a live booking up by it ("is another run paying for this domain right now?").
    CREATE INDEX quota_ledger_note ON quota_ledger(quota, note) WHERE note IS NOT NULL;
  `,
};
