import type { Migration } from './types';

/**
 * Exports and the Close sync. `exports.details` keeps how an export was asked for (scope, since the
 * last export, the byte-order mark) and what a sync did. `export_sent` is each contact's
 * fingerprint as last sent to each target: "only new or changed since the last export" reads it
 * instead of the whole history in export_items, which grows with every export; both are written in
 * the same transaction, so they never disagree (and it can be rebuilt from export_items). `crm_links` remembers, per target, the CRM's
 * id for each company and contact we sent or matched there, with the fingerprint of what was sent:
 * a sync that is stopped half-way resumes from it without creating anything twice, and a later sync
 * only touches what changed.
 *
 * Not `contacts.crm_id`: that column says where a record came *from* (an imported CRM export) and is
 * a deterministic key for dedupe; a record may come from Salesforce and be synced to Close, and one
 * target's ids must not overwrite another's.
 */
export const m0011: Migration = {
  version: 11,
  name: 'export',
  sql: /* sql */ `
    ALTER TABLE exports ADD COLUMN details TEXT NOT NULL DEFAULT '{}';
    CREATE INDEX exports_target ON exports(target, id);

    CREATE TABLE export_sent (
      target     TEXT NOT NULL,
      contact_id INTEGER NOT NULL,
      data_hash  TEXT NOT NULL,
      export_id  INTEGER NOT NULL REFERENCES exports(id),
      PRIMARY KEY (target, contact_id)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE crm_links (
      target      TEXT NOT NULL,
      entity_type TEXT NOT NULL CHECK (entity_type IN ('company','contact')),
      entity_id   INTEGER NOT NULL,
      remote_id   TEXT NOT NULL,
      -- For a contact: the lead it sits on in the CRM.
      remote_parent_id TEXT,
      -- created: we made it, so later syncs keep it current; matched: it was there before us, so
      -- we leave its data alone.
      origin      TEXT NOT NULL CHECK (origin IN ('created','matched')),
      data_hash   TEXT,
      synced_at   TEXT NOT NULL,
      PRIMARY KEY (target, entity_type, entity_id)
    ) STRICT;
    CREATE INDEX crm_links_remote ON crm_links(target, remote_id);
  `,
};
