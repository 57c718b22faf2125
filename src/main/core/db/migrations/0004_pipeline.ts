import type { Migration } from './types';

/**
 * The rest of the seller's pipeline: scores, approvals, outreach with its status history, the one
 * quota ledger every limited action is booked in, templates, do-not-contact suppressions and the
 * export history.
 */
export const m0004: Migration = {
  version: 4,
  name: 'pipeline',
  sql: /* sql */ `
    CREATE TABLE scores (
      contact_id      INTEGER PRIMARY KEY REFERENCES contacts(id),
      score           INTEGER NOT NULL,
      tier            TEXT NOT NULL CHECK (tier IN ('HOT','WARM','COLD')),
      inmail_eligible INTEGER NOT NULL DEFAULT 0,
      breakdown       TEXT NOT NULL,
      data_hash       TEXT NOT NULL,
      scored_at       TEXT NOT NULL
    ) STRICT;
    CREATE INDEX scores_tier ON scores(tier, score);

    CREATE TABLE approvals (
      id          INTEGER PRIMARY KEY,
      contact_id  INTEGER NOT NULL REFERENCES contacts(id),
      decision    TEXT NOT NULL CHECK (decision IN ('approved','rejected')),
      reason      TEXT,
      data_hash   TEXT NOT NULL,
      decided_at  TEXT NOT NULL,
      decided_by  TEXT NOT NULL DEFAULT 'user'
    ) STRICT;
    CREATE INDEX approvals_contact ON approvals(contact_id, decided_at);

    CREATE TABLE templates (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('invite','inmail','email','follow_up','message')),
      name        TEXT NOT NULL,
      subject     TEXT,
      body        TEXT NOT NULL,
      is_default  INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      UNIQUE (kind, name)
    ) STRICT;

    CREATE TABLE outreach_actions (
      id            INTEGER PRIMARY KEY,
      contact_id    INTEGER NOT NULL REFERENCES contacts(id),
      kind          TEXT NOT NULL CHECK (kind IN ('invite','inmail','email','follow_up','message')),
      template_id   INTEGER REFERENCES templates(id),
      subject       TEXT,
      body          TEXT,
      status        TEXT NOT NULL,
      priority      INTEGER NOT NULL DEFAULT 0,
      planned_for   TEXT,
      snoozed_until TEXT,
      parent_id     INTEGER REFERENCES outreach_actions(id),
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX outreach_actions_contact ON outreach_actions(contact_id);
    CREATE INDEX outreach_actions_status ON outreach_actions(status, planned_for);

    CREATE TABLE outreach_events (
      id         INTEGER PRIMARY KEY,
      action_id  INTEGER NOT NULL REFERENCES outreach_actions(id),
      status     TEXT NOT NULL,
      at         TEXT NOT NULL,
      note       TEXT
    ) STRICT;
    CREATE INDEX outreach_events_action ON outreach_events(action_id);

    -- One ledger for every limited action. A check and its booking happen in one transaction, so
    -- no quota is exceeded by two actions at once or across a restart.
    CREATE TABLE quota_ledger (
      id        INTEGER PRIMARY KEY,
      quota     TEXT NOT NULL,
      at        TEXT NOT NULL,
      units     INTEGER NOT NULL DEFAULT 1,
      outcome   TEXT NOT NULL DEFAULT 'used' CHECK (outcome IN ('used','refunded','limit_notice','synced')),
      ref_type  TEXT,
      ref_id    INTEGER,
      note      TEXT
    ) STRICT;
    CREATE INDEX quota_ledger_quota_at ON quota_ledger(quota, at);

    CREATE TABLE suppressions (
      id         INTEGER PRIMARY KEY,
      kind       TEXT NOT NULL CHECK (kind IN ('email','domain','linkedin')),
      value      TEXT NOT NULL,
      reason     TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (kind, value)
    ) STRICT;

    CREATE TABLE exports (
      id          INTEGER PRIMARY KEY,
      target      TEXT NOT NULL,
      scope       TEXT NOT NULL,
      file_path   TEXT,
      file_sha256 TEXT,
      rows        INTEGER NOT NULL,
      created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE export_items (
      export_id   INTEGER NOT NULL REFERENCES exports(id),
      entity_type TEXT NOT NULL,
      entity_id   INTEGER NOT NULL,
      data_hash   TEXT NOT NULL,
      PRIMARY KEY (export_id, entity_type, entity_id)
    ) STRICT;
    CREATE INDEX export_items_entity ON export_items(entity_type, entity_id);
  `,
};
