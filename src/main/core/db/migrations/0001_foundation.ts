import type { Migration } from './types';

/** Jobs, the audit trail and the domain settings that every later feature uses. */
export const m0001: Migration = {
  version: 1,
  name: 'foundation',
  sql: /* sql */ `
    CREATE TABLE jobs (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL,
      label       TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('running','done','failed','cancelled','interrupted')),
      unit        TEXT NOT NULL DEFAULT 'items',
      params      TEXT NOT NULL DEFAULT '{}',
      done        INTEGER NOT NULL DEFAULT 0,
      total       INTEGER,
      checkpoint  TEXT,
      result      TEXT,
      error       TEXT,
      started_at  TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;
    CREATE INDEX jobs_status ON jobs(status);

    -- What happened, by whom, to what. Details are JSON and never hold secrets or erased data.
    CREATE TABLE audit_log (
      id          INTEGER PRIMARY KEY,
      at          TEXT NOT NULL,
      actor       TEXT NOT NULL DEFAULT 'user',
      action      TEXT NOT NULL,
      entity_type TEXT,
      entity_id   INTEGER,
      details     TEXT NOT NULL DEFAULT '{}'
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log(at);
    CREATE INDEX audit_log_entity ON audit_log(entity_type, entity_id);

    -- Domain rules (scoring weights, quotas, thresholds): one JSON value per section, validated by
    -- the section's schema when read, so the app and the CLI always apply the same rules.
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value      TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
  `,
};
