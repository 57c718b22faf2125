import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/core/db/database';
import { migrate } from '../../../src/main/core/db/migrate';
import { MIGRATIONS, LATEST_VERSION } from '../../../src/main/core/db/migrations';
import { AppFailure } from '../../../src/shared/contract/result';
import { tempDir } from '../../helpers/paths';
import { scoringSettingsSchema } from '../../../src/shared/domain/settings/scoring';

/** The schema as text, to compare a migrated-step-by-step database with a fresh one. */
function schemaOf(db: Database.Database): string[] {
  return (
    db
      .prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`)
      .all() as { type: string; name: string; sql: string | null }[]
  ).map((row) => `${row.type} ${row.name}: ${(row.sql ?? '').replace(/\s+/g, ' ')}`);
}

const now = '2026-11-22T10:00:00.000Z';

describe('migrations', () => {
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  beforeEach(() => {
    tmp = tempDir();
    file = path.join(tmp.dir, 'test.db');
  });
  afterEach(() => tmp.cleanup());

  it('are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('bring a new database to the latest version, in WAL mode with foreign keys on', () => {
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const recorded = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    db.close();
  });

  it('running them again changes nothing', () => {
    const first = openDatabase(file);
    const before = schemaOf(first);
    first.close();
    const second = openDatabase(file);
    expect(schemaOf(second)).toEqual(before);
    expect(second.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(LATEST_VERSION);
    second.close();
  });

  for (let from = 0; from < LATEST_VERSION; from++) {
    it(`upgrade from version ${from} gives the same schema as a fresh database`, () => {
      const fresh = new Database(':memory:');
      migrate(fresh, MIGRATIONS);
      const old = new Database(file);
      migrate(old, MIGRATIONS, from);
      expect(old.pragma('user_version', { simple: true })).toBe(from);
      old.close();
      const upgraded = openDatabase(file);
      expect(schemaOf(upgraded)).toEqual(schemaOf(fresh));
      upgraded.close();
      fresh.close();
    });
  }

  it('refuse a database written by a newer version, and leave it untouched', () => {
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const bytes = fs.readFileSync(file);
    let failure: unknown;
    try {
      openDatabase(file);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).code).toBe('database_too_new');
    expect((failure as AppFailure).message).toMatch(/newer version of Prospect Desk/);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  it('notice a shipped migration that was edited afterwards', () => {
    const db = new Database(file);
    migrate(db, MIGRATIONS);
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    expect(() => migrate(db, edited)).toThrow(/never be edited/);
    db.close();
  });

  it('roll back a migration that fails half-way, keeping the previous version', () => {
    const db = new Database(file);
    const broken = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'broken', sql: 'CREATE TABLE x (a); SELECT * FROM nope;' },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.prepare(`SELECT count(*) FROM sqlite_schema WHERE name = 'x'`).pluck().get()).toBe(0);
    db.close();
  });

  it('refuse a file that is not a database with a clear message', () => {
    fs.writeFileSync(file, 'name,phone\nAcme,555\n'.repeat(400));
    expect(() => openDatabase(file)).toThrow(/not a readable Prospect Desk database/);
  });
});

describe('migration 1: foundation', () => {
  it('keeps jobs to the known statuses and the audit log as JSON details', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 1);
    db.prepare(`INSERT INTO jobs (kind, label, status, started_at) VALUES ('k', 'l', 'running', ?)`).run(now);
    expect(() =>
      db
        .prepare(`INSERT INTO jobs (kind, label, status, started_at) VALUES ('k', 'l', 'queued', ?)`)
        .run(now),
    ).toThrow(/CHECK constraint/);
    db.prepare(`INSERT INTO audit_log (at, action) VALUES (?, 'x')`).run(now);
    expect(db.prepare('SELECT details, actor FROM audit_log').get()).toEqual({
      details: '{}',
      actor: 'user',
    });
    db.close();
  });
});

describe('migration 2: records', () => {
  it('stores a batch, its raw rows once each, and companies and contacts linked to it', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 2);
    const batch = db
      .prepare(`INSERT INTO import_batches (file_name, format, created_at) VALUES ('a.csv', 'csv', ?)`)
      .run(now).lastInsertRowid;
    const row = db.prepare(
      `INSERT INTO source_rows (batch_id, row_number, raw, status) VALUES (?, 1, ?, 'imported')`,
    );
    row.run(batch, '["a"]');
    expect(() => row.run(batch, '["b"]')).toThrow(/UNIQUE/);
    const company = db
      .prepare(
        `INSERT INTO companies (name, name_key, created_batch_id, created_at, updated_at) VALUES ('Acme Inc', 'acme', ?, ?, ?)`,
      )
      .run(batch, now, now).lastInsertRowid;
    const contact = db.prepare(
      `INSERT INTO contacts (company_id, full_name, name_key, created_at, updated_at) VALUES (?, 'Ann Lee', 'ann lee', ?, ?)`,
    );
    contact.run(company, now, now);
    expect(db.prepare('SELECT lawful_basis, discovery_source FROM contacts').get()).toEqual({
      lawful_basis: 'B2B legitimate interest',
      discovery_source: 'import',
    });
    expect(() => contact.run(999, now, now)).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('migration 3: resolution', () => {
  it('stores each candidate pair once, smaller id first', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 3);
    const insert = db.prepare(
      `INSERT INTO match_candidates (kind, left_id, right_id, score, created_at) VALUES ('company', ?, ?, 85, ?)`,
    );
    insert.run(1, 2, now);
    expect(() => insert.run(1, 2, now)).toThrow(/UNIQUE/);
    expect(() => insert.run(3, 2, now)).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 4: pipeline', () => {
  it('books quota usage with a known outcome and keeps one suppression per value', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 4);
    db.prepare(`INSERT INTO quota_ledger (quota, at) VALUES ('linkedin.invite', ?)`).run(now);
    expect(() =>
      db.prepare(`INSERT INTO quota_ledger (quota, at, outcome) VALUES ('x', ?, 'maybe')`).run(now),
    ).toThrow(/CHECK/);
    expect(db.prepare('SELECT units, outcome FROM quota_ledger').get()).toEqual({
      units: 1,
      outcome: 'used',
    });
    const suppress = db.prepare(
      `INSERT INTO suppressions (kind, value, created_at) VALUES ('domain', 'acme.com', ?)`,
    );
    suppress.run(now);
    expect(() => suppress.run(now)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 5: import profiles', () => {
  it('keeps one profile per name and per header shape', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 5);
    const insert = db.prepare(
      `INSERT INTO import_profiles (name, header_signature, headers, mapping, created_at, updated_at) VALUES (?, ?, '[]', '{}', ?, ?)`,
    );
    insert.run('CSLB', 'sig-a', now, now);
    expect(() => insert.run('CSLB', 'sig-b', now, now)).toThrow(/UNIQUE/);
    expect(() => insert.run('Other', 'sig-a', now, now)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 6: resolution keys', () => {
  it('links a merge to the import that made it, and keeps an address key per company', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 6);
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('merges')).toContain('batch_id');
    expect(columns('companies')).toContain('address_key');
    db.close();
  });
});

describe('migration 7: search', () => {
  it('indexes the companies and contacts already stored, and saves filters once per name', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 6);
    db.prepare(
      `INSERT INTO companies (id, name, name_key, city, created_at, updated_at) VALUES (1, 'Acme Solar', 'acme solar', 'Austin', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO contacts (company_id, full_name, name_key, title, created_at, updated_at) VALUES (1, 'Ann Lee', 'ann lee', 'Owner', ?, ?)`,
    ).run(now, now);
    migrate(db, MIGRATIONS, 7);
    expect(
      db.prepare(`SELECT rowid FROM companies_fts WHERE companies_fts MATCH 'aus*'`).pluck().all(),
    ).toEqual([1]);
    expect(
      db
        .prepare(`SELECT full_name FROM contacts_fts WHERE contacts_fts MATCH 'company_name:acme'`)
        .pluck()
        .all(),
    ).toEqual(['Ann Lee']);
    const save = db.prepare(
      `INSERT INTO saved_filters (name, kind, filter, created_at) VALUES ('Hot in TX', ?, '{}', ?)`,
    );
    save.run('contact', now);
    save.run('company', now);
    expect(() => save.run('contact', now)).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 8: lead status', () => {
  it("copies each contact's latest decision onto it", () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 7);
    const contact = db.prepare(
      `INSERT INTO contacts (id, full_name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`,
    );
    contact.run(1, 'Ann Lee', 'ann lee', now, now);
    contact.run(2, 'Bo Reyes', 'bo reyes', now, now);
    const decide = db.prepare(
      `INSERT INTO approvals (contact_id, decision, reason, data_hash, decided_at) VALUES (?, ?, ?, ?, ?)`,
    );
    decide.run(1, 'approved', null, 'h1', now);
    decide.run(1, 'rejected', 'moved on', 'h2', now);
    migrate(db, MIGRATIONS, 8);
    expect(
      db.prepare('SELECT id, approval, approval_hash, approval_reason FROM contacts ORDER BY id').all(),
    ).toEqual([
      { id: 1, approval: 'rejected', approval_hash: 'h2', approval_reason: 'moved on' },
      { id: 2, approval: null, approval_hash: null, approval_reason: null },
    ]);
    expect(() => db.prepare(`UPDATE contacts SET approval = 'maybe' WHERE id = 2`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 9: list indexes', () => {
  it("serves a search's standing check and score sort from narrow indexes", () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 9);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name IN ('scores', 'contacts')")
      .pluck()
      .all();
    expect(indexes).toEqual(expect.arrayContaining(['scores_contact_score', 'contacts_standing']));
    expect(indexes).not.toContain('scores_score');
    db.close();
  });
});

describe('migration 10: outreach', () => {
  it('seeds one default template per kind and keeps a sent item’s booking', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 10);
    expect(db.prepare('SELECT kind, is_default, fallbacks FROM templates ORDER BY kind').all()).toEqual(
      ['email', 'follow_up', 'inmail', 'invite'].map((kind) => ({ kind, is_default: 1, fallbacks: '{}' })),
    );
    db.prepare(`INSERT INTO companies (name, name_key, created_at, updated_at) VALUES ('A', 'a', ?, ?)`).run(
      now,
      now,
    );
    db.prepare(
      `INSERT INTO contacts (full_name, name_key, created_at, updated_at) VALUES ('Ann', 'ann', ?, ?)`,
    ).run(now, now);
    const ledger = db.prepare(`INSERT INTO quota_ledger (quota, at) VALUES ('linkedin.invite', ?)`).run(now);
    db.prepare(
      `INSERT INTO outreach_actions (contact_id, kind, status, sent_at, ledger_id, created_at, updated_at)
       VALUES (1, 'invite', 'sent', ?, ?, ?, ?)`,
    ).run(now, ledger.lastInsertRowid, now, now);
    expect(db.prepare('SELECT sent_at, ledger_id FROM outreach_actions').get()).toEqual({
      sent_at: now,
      ledger_id: 1,
    });
    db.close();
  });
});

describe('migration 11: export', () => {
  it('keeps one CRM id per target and record, and export details as JSON', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 11);
    db.prepare(
      `INSERT INTO exports (target, scope, rows, created_at) VALUES ('close', 'everything', 0, ?)`,
    ).run(now);
    expect(db.prepare('SELECT details FROM exports').pluck().get()).toBe('{}');
    const link = db.prepare(
      `INSERT INTO crm_links (target, entity_type, entity_id, remote_id, origin, synced_at) VALUES (?, ?, 1, ?, 'created', ?)`,
    );
    link.run('close-api', 'company', 'lead_1', now);
    link.run('other-crm', 'company', 'x_1', now);
    expect(() => link.run('close-api', 'company', 'lead_2', now)).toThrow(/UNIQUE/);
    expect(() => link.run('close-api', 'deal', 'd_1', now)).toThrow(/CHECK/);
    expect(
      db
        .prepare(`SELECT entity_id FROM crm_links WHERE target = 'close-api' AND remote_id = 'lead_1'`)
        .pluck()
        .all(),
    ).toEqual([1]);
    db.close();
  });
});

describe('migration 12: enrichment', () => {
  it('keeps one pattern per domain, one paid search per domain and month, and one MX answer per domain', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 12);
    const pattern = db.prepare(
      `INSERT INTO email_patterns (domain, template, source, example, learned_at) VALUES (?, ?, ?, ?, ?)`,
    );
    pattern.run('acme.com', '{first}.{last}', 'verified_address', 'jane.doe@acme.com', now);
    expect(() => pattern.run('acme.com', '{f}{last}', 'hunter', null, now)).toThrow(/UNIQUE/);
    expect(() => pattern.run('other.com', '{f}{last}', 'guess', null, now)).toThrow(/CHECK/);
    expect(db.prepare('SELECT confirmations FROM email_patterns').pluck().get()).toBe(1);

    const search = db.prepare(
      `INSERT INTO hunter_searches (domain, month, result, searched_at) VALUES (?, ?, '{}', ?)`,
    );
    search.run('acme.com', '2026-11', now);
    search.run('acme.com', '2026-12', now);
    expect(() => search.run('acme.com', '2026-11', now)).toThrow(/UNIQUE|PRIMARY/);

    const verdict = db.prepare(
      `INSERT INTO hunter_verifications (email, month, result, verified_at) VALUES (?, ?, '{}', ?)`,
    );
    verdict.run('ann@acme.com', '2026-11', now);
    expect(() => verdict.run('ann@acme.com', '2026-11', now)).toThrow(/UNIQUE|PRIMARY/);

    const mx = db.prepare(`INSERT INTO mx_cache (domain, status, hosts, checked_at) VALUES (?, ?, ?, ?)`);
    mx.run('acme.com', 'present', '["mx.acme.com"]', now);
    expect(() => mx.run('bad.com', 'error', '[]', now)).toThrow(/CHECK/);
    expect(
      db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'quota_ledger_note'`)
        .pluck()
        .get(),
    ).toBe('quota_ledger_note');
    db.close();
  });
});

describe('migration 13: discovery', () => {
  it('keeps one row per company and run, with only the known statuses', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 13);
    db.prepare(
      `INSERT INTO companies (name, name_key, created_at, updated_at) VALUES ('Acme', 'acme', ?, ?)`,
    ).run(now, now);
    db.prepare(
      `INSERT INTO discovery_runs (label, status, created_at, updated_at) VALUES ('Top 1', 'running', ?, ?)`,
    ).run(now, now);
    const add = db.prepare(
      `INSERT INTO discovery_run_companies (run_id, company_id, position) VALUES (1, 1, ?)`,
    );
    add.run(0);
    expect(() => add.run(1)).toThrow(/UNIQUE|PRIMARY/);
    expect(db.prepare('SELECT status FROM discovery_run_companies').pluck().get()).toBe('pending');
    expect(() => db.prepare(`UPDATE discovery_runs SET status = 'sleeping'`).run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('migration 14: credit owner', () => {
  it('adds the booking process to the ledger, empty on the rows already there', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 13);
    db.prepare(`INSERT INTO quota_ledger (quota, at, units) VALUES ('hunter.search', ?, 1)`).run(now);
    migrate(db, MIGRATIONS, 14);
    expect(db.prepare('SELECT owner_pid FROM quota_ledger').pluck().all()).toEqual([null]);
    db.prepare(
      `INSERT INTO quota_ledger (quota, at, units, owner_pid) VALUES ('hunter.search', ?, 1, 42)`,
    ).run(now);
    expect(db.prepare('SELECT owner_pid FROM quota_ledger ORDER BY id').pluck().all()).toEqual([null, 42]);
    db.close();
  });
});

describe('migration 15: chief officer rule', () => {
  const OLD_RULES = [
    { label: 'Chief executive', keywords: ['CEO'], points: 40 },
    { label: 'Vice president', keywords: ['VP', 'Vice President'], points: 30 },
    {
      label: 'President, founder or owner',
      keywords: ['President', 'Founder', 'Co-Founder', 'Owner'],
      points: 35,
    },
    { label: 'Director', keywords: ['Director'], points: 20 },
  ];
  const stored = (db: Database.Database, key: string) =>
    db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  const migrateWith = (scoring: string | null) => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 14);
    const put = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    if (scoring !== null) put.run('scoring', scoring, now);
    put.run('outreach', JSON.stringify({ titleRules: OLD_RULES }), now);
    migrate(db, MIGRATIONS, 15);
    return db;
  };

  it('adds the chief officers’ rule to the four rules as shipped, at the presidents’ points', () => {
    const shipped = migrateWith(
      JSON.stringify({ otherTitlePoints: 10, titleRules: OLD_RULES, icpWeight: 0.3 }),
    );
    const after = scoringSettingsSchema.parse(JSON.parse(stored(shipped, 'scoring')!));
    expect(after.titleRules).toEqual([
      ...OLD_RULES,
      { label: 'Chief officer', keywords: ['Chief'], points: 35 },
    ]);
    expect(after.icpWeight).toBe(0.3); // the rest of the section as the seller saved it
    // Another section with the same shape is not the scoring rules.
    expect(JSON.parse(stored(shipped, 'outreach')!).titleRules).toHaveLength(4);
    shipped.close();

    const edited = OLD_RULES.map((r) =>
      r.label === 'President, founder or owner' ? { ...r, points: 25 } : r,
    );
    const seller = migrateWith(JSON.stringify({ titleRules: edited }));
    expect(JSON.parse(stored(seller, 'scoring')!).titleRules[4]).toEqual({
      label: 'Chief officer',
      keywords: ['Chief'],
      points: 25,
    });
    seller.close();
  });

  it('leaves rules it did not ship, unreadable values and databases without the section alone', () => {
    const cases = [
      JSON.stringify({ titleRules: [{ label: 'Estimator', keywords: ['Estimator'], points: 25 }] }),
      JSON.stringify({
        titleRules: OLD_RULES.map((r) => (r.label === 'Director' ? { ...r, keywords: ['Head of'] } : r)),
      }),
      JSON.stringify({
        titleRules: [...OLD_RULES, { label: 'Chief officer', keywords: ['Chief'], points: 35 }],
      }),
      JSON.stringify({ icpWeight: 0.1 }),
      '{not json',
    ];
    for (const value of cases) {
      const db = migrateWith(value);
      expect(stored(db, 'scoring')).toBe(value);
      db.close();
    }
    const none = migrateWith(null);
    expect(stored(none, 'scoring')).toBeUndefined();
    none.close();
  });
});

describe('migration 16: alternative batch', () => {
  it('adds the import that recorded an alternative, empty on the alternatives merges kept', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 15);
    db.prepare(
      `INSERT INTO field_alternatives (entity_type, entity_id, field, value, created_at) VALUES ('contact', 1, 'title', 'CEO', ?)`,
    ).run(now);
    migrate(db, MIGRATIONS, 16);
    expect(db.prepare('SELECT batch_id FROM field_alternatives').pluck().all()).toEqual([null]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO field_alternatives (entity_type, entity_id, field, value, created_at, batch_id) VALUES ('contact', 1, 'title', 'VP', ?, 99)`,
        )
        .run(now),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
