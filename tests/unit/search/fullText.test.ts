import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, importFile } from '../../helpers/importing';
import { systemClock } from '../../../src/main/core/clock';
import { openDatabase } from '../../../src/main/core/db/database';
import { RecordLists } from '../../../src/main/core/records/recordLists';
import { ftsQuery } from '../../../src/main/core/records/ftsQuery';
import { mergeRecords } from '../../../src/main/core/resolution/merge';
import { undoMerge } from '../../../src/main/core/resolution/undoMerge';
import { undoImport } from '../../../src/main/core/import/undoImport';
import { editContact } from '../../../src/main/core/records/editContact';

describe('what the seller types, as an FTS5 query', () => {
  it('makes every word a required prefix and takes operators as text', () => {
    expect(ftsQuery('acm sol')).toBe('"acm"* AND "sol"*');
    expect(ftsQuery('ann@acme.com')).toBe('"ann@acme.com"*');
    expect(ftsQuery('"NEAR" OR (x')).toBe('"NEAR"* AND "OR"* AND "x"*');
    expect(ftsQuery('  -- ')).toBeNull();
  });
});

describe('full-text search over companies and contacts', () => {
  let t: ReturnType<typeof freshDb>;
  let lists: RecordLists;
  const write = (name: string, text: string) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const people = (search: string) =>
    lists.contactsPage({ search }, 0, 50, 'name', 'asc').rows.map((r) => r.fullName);
  const companies = (search: string) =>
    lists.companiesPage({ search }, 0, 50, 'name', 'asc').rows.map((r) => r.name);
  const companyId = (name: string) =>
    t.db.prepare('SELECT id FROM companies WHERE name = ?').pluck().get(name) as number;

  beforeEach(async () => {
    t = freshDb();
    lists = new RecordLists(t.db);
    await importFile(t.db, {
      path: write(
        'roster.csv',
        [
          'Company,City,License Number,Website',
          'Acme Solar Inc,Austin,TX-1001,acmesolar.com',
          'Bright Roofing,Dallas,TX-1002,brightroofing.com',
        ].join('\n'),
      ),
    });
    await importFile(t.db, {
      path: write(
        'people.csv',
        [
          'First Name,Last Name,Title,Company,Email',
          'Ann,Lee,Chief Executive Officer,Acme Solar Inc,ann@acmesolar.com',
          'Bo,Reyes,Estimator,Bright Roofing,bo@brightroofing.com',
          'Cy,Lee,Owner,Lee Plumbing,',
        ].join('\n'),
      ),
    });
  });
  afterEach(() => t.cleanup());

  it('finds people by name, title, email and company, words as prefixes', () => {
    expect(people('lee')).toEqual(['Ann Lee', 'Cy Lee']);
    expect(people('ann le')).toEqual(['Ann Lee']);
    expect(people('chief')).toEqual(['Ann Lee']);
    expect(people('bo@brightroofing')).toEqual(['Bo Reyes']);
    expect(people('bright')).toEqual(['Bo Reyes']);
    expect(people('acm sol')).toEqual(['Ann Lee']);
    expect(people('nobody')).toEqual([]);
  });

  it('finds companies by name, city, domain and license number', () => {
    expect(companies('acm')).toEqual(['Acme Solar Inc']);
    expect(companies('dallas')).toEqual(['Bright Roofing']);
    expect(companies('TX-1002')).toEqual(['Bright Roofing']);
    expect(companies('acmesolar')).toEqual(['Acme Solar Inc']);
  });

  it('follows an import that changes a title, and an edit by hand', async () => {
    await importFile(t.db, {
      path: write(
        'update.csv',
        'First Name,Last Name,Company,Email,Title\nBo,Reyes,Bright Roofing,bo@brightroofing.com,President\n',
      ),
    });
    expect(people('president')).toEqual(['Bo Reyes']);
    expect(people('estimator')).toEqual([]);
    const cy = t.db.prepare("SELECT id FROM contacts WHERE full_name = 'Cy Lee'").pluck().get() as number;
    editContact(t.db, cy, { title: 'Master Plumber' }, systemClock);
    expect(people('plumber')).toEqual(['Cy Lee']);
  });

  it('follows a merge and its undo: the people move to the kept company, the merged one disappears', () => {
    const mergeId = mergeRecords(
      t.db,
      'company',
      companyId('Acme Solar Inc'),
      companyId('Bright Roofing'),
      { automatic: false, score: 85, reasons: [] },
      systemClock,
    );
    expect(companies('bright')).toEqual([]);
    // Bo now works at the kept company, and is found by its name.
    expect(people('acme')).toEqual(['Ann Lee', 'Bo Reyes']);
    undoMerge(t.db, mergeId, systemClock);
    expect(companies('bright')).toEqual(['Bright Roofing']);
    expect(people('acme')).toEqual(['Ann Lee']);
    expect(people('bright')).toEqual(['Bo Reyes']);
  });

  it('forgets what an undone import brought', () => {
    const batch = t.db
      .prepare("SELECT id FROM import_batches WHERE file_name = 'people.csv'")
      .pluck()
      .get() as number;
    undoImport(t.db, batch, systemClock);
    expect(people('lee')).toEqual([]);
    expect(companies('lee')).toEqual([]);
    expect(companies('acme')).toEqual(['Acme Solar Inc']);
  });

  it('stays current for a write made on another connection (the triggers are per connection)', () => {
    const other = openDatabase(t.file);
    try {
      other
        .prepare(
          "INSERT INTO companies (name, name_key, created_at, updated_at) VALUES ('Zephyr Electric', 'zephyr electric', 'now', 'now')",
        )
        .run();
    } finally {
      other.close();
    }
    expect(companies('zeph')).toEqual(['Zephyr Electric']);
  });
});
