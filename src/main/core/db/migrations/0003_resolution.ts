import type { Migration } from './types';

/**
 * Entity resolution: candidate pairs with their score and reasons, and the merge graph. A merge
 * keeps a snapshot of both records and of every row it re-pointed, so it can be undone on its own.
 */
export const m0003: Migration = {
  version: 3,
  name: 'resolution',
  sql: /* sql */ `
    CREATE TABLE match_candidates (
      id          INTEGER PRIMARY KEY,
      kind        TEXT NOT NULL CHECK (kind IN ('company','contact')),
      left_id     INTEGER NOT NULL,
      right_id    INTEGER NOT NULL,
      score       REAL NOT NULL,
      reasons     TEXT NOT NULL DEFAULT '[]',
      status      TEXT NOT NULL DEFAULT 'pending'
                  CHECK (status IN ('pending','merged','different','skipped')),
      created_at  TEXT NOT NULL,
      decided_at  TEXT,
      decided_by  TEXT,
      UNIQUE (kind, left_id, right_id),
      CHECK (left_id < right_id)
    ) STRICT;
    CREATE INDEX match_candidates_status ON match_candidates(kind, status, score);

    CREATE TABLE merges (
      id           INTEGER PRIMARY KEY,
      kind         TEXT NOT NULL CHECK (kind IN ('company','contact')),
      kept_id      INTEGER NOT NULL,
      merged_id    INTEGER NOT NULL,
      candidate_id INTEGER REFERENCES match_candidates(id),
      score        REAL,
      reasons      TEXT NOT NULL DEFAULT '[]',
      automatic    INTEGER NOT NULL DEFAULT 0,
      snapshot     TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      undone_at    TEXT
    ) STRICT;
    CREATE INDEX merges_kept ON merges(kind, kept_id);
    CREATE INDEX merges_merged ON merges(kind, merged_id);

    -- Values a merge did not keep, with where each came from, so nothing a source said is lost.
    CREATE TABLE field_alternatives (
      id            INTEGER PRIMARY KEY,
      entity_type   TEXT NOT NULL CHECK (entity_type IN ('company','contact')),
      entity_id     INTEGER NOT NULL,
      field         TEXT NOT NULL,
      value         TEXT NOT NULL,
      source_row_id INTEGER,
      merge_id      INTEGER REFERENCES merges(id),
      created_at    TEXT NOT NULL
    ) STRICT;
    CREATE INDEX field_alternatives_entity ON field_alternatives(entity_type, entity_id);
  `,
};
