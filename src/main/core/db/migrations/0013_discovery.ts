import type { Migration } from './types';

/**
 * LinkedIn discovery runs. A run is a chosen list of companies worked one at a time in the seller's
 * browser; each company's row says whether it is done, so a run paused, stopped by LinkedIn or cut
 * short by closing the app goes on where it was and never reads a company twice. `status`:
 * running; paused (by the seller, by a cap or working hours, or by a restart); waiting (LinkedIn put
 * up a login wall, checkpoint, captcha or limit notice: only the seller can clear it); cancelled;
 * done. `message` says why it is not running, in words for the seller.
 */
export const m0013: Migration = {
  version: 13,
  name: 'discovery',
  sql: /* sql */ `
    CREATE TABLE discovery_runs (
      id          INTEGER PRIMARY KEY,
      label       TEXT NOT NULL,
      status      TEXT NOT NULL CHECK (status IN ('running','paused','waiting','cancelled','done')),
      message     TEXT,
      stop_kind   TEXT,
      retry_at    TEXT,
      found       INTEGER NOT NULL DEFAULT 0,
      added       INTEGER NOT NULL DEFAULT 0,
      updated     INTEGER NOT NULL DEFAULT 0,
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL,
      finished_at TEXT
    ) STRICT;

    CREATE TABLE discovery_run_companies (
      run_id     INTEGER NOT NULL REFERENCES discovery_runs(id) ON DELETE CASCADE,
      company_id INTEGER NOT NULL REFERENCES companies(id),
      position   INTEGER NOT NULL,
      status     TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed')),
      found      INTEGER NOT NULL DEFAULT 0,
      added      INTEGER NOT NULL DEFAULT 0,
      error      TEXT,
      done_at    TEXT,
      PRIMARY KEY (run_id, company_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX discovery_run_companies_next ON discovery_run_companies(run_id, status, position);
  `,
};
