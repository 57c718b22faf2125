import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, importFile } from '../../helpers/importing';
import { systemClock } from '../../../src/main/core/clock';
import {
  addSuppressions,
  isContactSuppressed,
  listSuppressions,
  removeSuppression,
  suppressedSql,
} from '../../../src/main/core/suppression/suppressions';
import { guessSuppressionKind, suppressionValue } from '../../../src/main/core/suppression/suppressionValue';
import { mergeRecords } from '../../../src/main/core/resolution/merge';

describe('suppression values', () => {
  it('stores each kind in the form contacts are compared in', () => {
    expect(suppressionValue('email', '  Jane.Doe@Acme.COM ')).toBe('jane.doe@acme.com');
    expect(suppressionValue('domain', 'https://www.Acme.com/about')).toBe('acme.com');
    expect(suppressionValue('domain', '@sales.acme.co.uk')).toBe('acme.co.uk');
    expect(suppressionValue('domain', 'bob@Acme.com')).toBe('acme.com');
    expect(suppressionValue('linkedin', 'https://www.linkedin.com/in/Jane-Doe-12/')).toBe('jane-doe-12');
    expect(suppressionValue('email', 'not an email')).toBeNull();
    expect(suppressionValue('domain', 'localhost')).toBeNull();
    expect(suppressionValue('linkedin', 'https://example.com/x')).toBeNull();
  });

  it('guesses the kind of a bare value', () => {
    expect(guessSuppressionKind('a@b.com')).toBe('email');
    expect(guessSuppressionKind('acme.com')).toBe('domain');
    expect(guessSuppressionKind('@acme.com')).toBe('domain');
    expect(guessSuppressionKind('linkedin.com/in/x')).toBe('linkedin');
    expect(guessSuppressionKind('Acme Inc')).toBeNull();
  });
});

describe('the do-not-contact list', () => {
  let t: ReturnType<typeof freshDb>;
  const id = (name: string) =>
    t.db.prepare('SELECT id FROM contacts WHERE full_name = ?').pluck().get(name) as number;
  const suppressedNames = () =>
    t.db
      .prepare(`SELECT full_name FROM contacts c WHERE ${suppressedSql('c')} ORDER BY full_name`)
      .pluck()
      .all();

  beforeEach(async () => {
    t = freshDb();
    const file = path.join(t.dir, 'people.csv');
    fs.writeFileSync(
      file,
      [
        'First Name,Last Name,Company,Website,Email,LinkedIn URL,Title',
        'Ann,Able,Acme Roofing,acme.com,ann@acme.com,https://www.linkedin.com/in/ann-able,CEO',
        'Bob,Baker,Bolt Electric,boltelectric.com,bob@boltelectric.com,,Owner',
        'Cat,Cole,Cole Plumbing,,cat.cole@gmail.com,https://www.linkedin.com/in/catcole,President',
        'Dan,Dunn,Dunn HVAC,dunnhvac.com,,,Founder',
      ].join('\n'),
    );
    await importFile(t.db, { path: file, matchExisting: false });
  });
  afterEach(() => t.cleanup());

  it('matches by address, by email or company domain, and by LinkedIn profile', () => {
    expect(suppressedNames()).toEqual([]);
    const report = addSuppressions(
      t.db,
      [
        { kind: 'email', value: 'ANN@acme.com', reason: 'asked' },
        { kind: 'domain', value: 'https://dunnhvac.com' },
        { kind: 'linkedin', value: 'linkedin.com/in/catcole' },
        { kind: 'email', value: 'nonsense' },
      ],
      systemClock,
    );
    expect(report).toEqual({ added: 3, alreadyListed: 0, invalid: [{ kind: 'email', value: 'nonsense' }] });
    expect(suppressedNames()).toEqual(['Ann Able', 'Cat Cole', 'Dan Dunn']);
    expect(isContactSuppressed(t.db, id('Bob Baker'))).toBe(false);

    addSuppressions(t.db, [{ kind: 'domain', value: 'bob@boltelectric.com' }], systemClock);
    expect(isContactSuppressed(t.db, id('Bob Baker'))).toBe(true);
  });

  it('a profile on the list still holds after its record was merged into another', () => {
    // Her second record, with another profile, merged into the imported one (which keeps its own).
    const second = Number(
      t.db
        .prepare(
          `INSERT INTO contacts (full_name, name_key, linkedin_url, linkedin_key, created_at, updated_at)
           VALUES ('Cat Cole', 'cat cole', 'https://www.linkedin.com/in/cathy-cole', 'cathy-cole', '2026-01-01', '2026-01-01')`,
        )
        .run().lastInsertRowid,
    );
    const kept = id('Cat Cole');
    mergeRecords(t.db, 'contact', kept, second, { automatic: false, score: 91, reasons: [] }, systemClock);
    expect(t.db.prepare('SELECT linkedin_key FROM contacts WHERE id = ?').pluck().get(kept)).toBe('catcole');
    // The seller lists her by the profile they know her by: the merged record's.
    addSuppressions(
      t.db,
      [{ kind: 'linkedin', value: 'https://www.linkedin.com/in/cathy-cole' }],
      systemClock,
    );
    expect(isContactSuppressed(t.db, kept)).toBe(true);
  });

  it('keeps an entry once, and forgets it when removed', () => {
    addSuppressions(t.db, [{ kind: 'email', value: 'ann@acme.com' }], systemClock);
    const again = addSuppressions(t.db, [{ kind: 'email', value: 'Ann@Acme.com' }], systemClock);
    expect(again).toMatchObject({ added: 0, alreadyListed: 1 });
    const [entry] = listSuppressions(t.db);
    expect(entry).toMatchObject({ kind: 'email', value: 'ann@acme.com' });
    expect(removeSuppression(t.db, entry!.id, systemClock)).toBe(true);
    expect(isContactSuppressed(t.db, id('Ann Able'))).toBe(false);
    const audit = t.db
      .prepare("SELECT action FROM audit_log WHERE action LIKE 'suppressions.%'")
      .pluck()
      .all();
    expect(audit).toEqual(['suppressions.add', 'suppressions.add', 'suppressions.remove']);
  });

  it('a free-mail address can be suppressed by itself without suppressing its host', () => {
    addSuppressions(t.db, [{ kind: 'email', value: 'cat.cole@gmail.com' }], systemClock);
    expect(suppressedNames()).toEqual(['Cat Cole']);
  });
});
