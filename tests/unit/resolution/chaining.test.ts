import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, freshDb, importFile } from '../../helpers/importing';
import { resolveStored } from '../../../src/main/core/resolution/resolveStored';
import { acceptAbove, decide, reviewQueue } from '../../../src/main/core/resolution/reviewQueue';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { systemClock } from '../../../src/main/core/clock';
import type { Db } from '../../../src/main/core/db/database';

const HEADER = 'Company,Address,City,State,Zip,Phone,Website,First Name,Last Name,Title';
const FRESNO = 'Acme Plumbing,,Fresno,CA,93701,(559) 555-0100,,Ann,Lee,Owner';
const WEB_ONLY = 'Acme Plumbing,,,,,,acmeplumbing.com,,,';
const BOSTON = 'Acme Plumbing,,Boston,MA,02108,(617) 555-0100,,Bob,Ray,Owner';

// The same name and zip, different phones: a doubtful pair (80-90), asked about.
const DOUBTFUL = [
  'Acme Plumbing,12 Main St,Fresno,CA,93701,(559) 555-0100,,Ann,Lee,Owner',
  'Acme Plumbing,,,,93701,(559) 555-0199,,Bob,Ray,Owner',
];

const run = (db: Db) =>
  resolveStored({ db, clock: systemClock, settings: readSettings(db, 'dedupe') }, { kind: 'all' });

const standing = (db: Db) =>
  db.prepare('SELECT id, city FROM companies WHERE merged_into IS NULL ORDER BY id').all() as {
    id: number;
    city: string | null;
  }[];

// Each test starts from an empty database and imports its rows as CSV files.
let t: ReturnType<typeof freshDb>;
beforeEach(() => (t = freshDb()));
afterEach(() => t.cleanup());

async function load(name: string, rows: string[], matchExisting = false) {
  const file = path.join(t.dir, name);
  fs.writeFileSync(file, `${HEADER}\n${rows.join('\n')}\n`);
  return importFile(t.db, { path: file, matchExisting });
}

describe('a bare record between two different companies (no chaining)', () => {
  it('Find duplicates never joins Fresno and Boston through the website-only record', async () => {
    await load('acme.csv', [FRESNO, WEB_ONLY, BOSTON]);
    expect(count(t.db, 'companies')).toBe(3);
    run(t.db);
    const cities = standing(t.db).map((r) => r.city);
    expect(cities).toContain('Fresno');
    expect(cities).toContain('Boston');
    // Each company keeps its own people.
    const companyOf = (email: string) =>
      t.db
        .prepare(
          'SELECT co.city FROM contacts c JOIN companies co ON co.id = c.company_id WHERE c.first_name = ?',
        )
        .pluck()
        .get(email);
    expect(companyOf('Ann')).toBe('Fresno');
    expect(companyOf('Bob')).toBe('Boston');
    // Every stored merge carries the score and reasons of the two records it actually merged.
    const merges = t.db.prepare('SELECT kept_id, merged_id, score, reasons FROM merges').all() as {
      kept_id: number;
      merged_id: number;
      score: number;
      reasons: string;
    }[];
    for (const m of merges) {
      const ids = [m.kept_id, m.merged_id];
      expect(ids).not.toEqual(expect.arrayContaining([1, 3]));
      expect(m.score).toBeGreaterThanOrEqual(90);
    }
    // Nobody is asked about Fresno against Boston: they score far below the review line.
    expect(
      reviewQueue(t.db).pairs.filter(
        (p) => p.left.fields.city === 'Fresno' && p.right.fields.city === 'Boston',
      ),
    ).toEqual([]);
    // A second run finds nothing new.
    expect(run(t.db).company).toMatchObject({ merged: 0, sentToReview: 0 });
  });

  it('a pair the seller called different stays apart when a third record links both', async () => {
    await load('two.csv', DOUBTFUL);
    run(t.db);
    const [pair] = reviewQueue(t.db).pairs;
    expect(pair).toBeDefined();
    expect(pair!.score).toBeGreaterThanOrEqual(80);
    expect(pair!.score).toBeLessThan(90);
    decide(t.db, pair!.id, 'different', systemClock);
    // A third record matches each of them above the merge line (name and zip).
    await load('third.csv', ['Acme Plumbing,,,,93701,,acmeplumbing.com,,,']);
    run(t.db);
    // The third record went with one of them (it matches both above the merge line)...
    expect(count(t.db, 'merges')).toBe(1);
    // ...but the two the seller called different are still two.
    const left = standing(t.db).map((r) => r.id);
    expect(left).toEqual(expect.arrayContaining([pair!.left.id, pair!.right.id]));
    expect(
      t.db
        .prepare('SELECT count(*) FROM merges WHERE kept_id = ? AND merged_id = ?')
        .pluck()
        .get(pair!.left.id, pair!.right.id),
    ).toBe(0);
  });
});

describe('the review queue shows the pair it names', () => {
  it('importing a bare record next to Fresno and Boston queues no Fresno-Boston pair, and bulk accept merges nothing', async () => {
    await load('both.csv', [FRESNO, BOSTON]);
    await load('web.csv', [WEB_ONLY], true);
    const pairs = reviewQueue(t.db).pairs;
    for (const p of pairs) {
      // Whatever is asked carries the score of exactly those two records.
      const cities = [p.left.fields.city, p.right.fields.city];
      expect(cities).not.toEqual(expect.arrayContaining(['Fresno', 'Boston']));
    }
    expect(acceptAbove(t.db, 85, systemClock)).toBe(0);
    const cities = standing(t.db).map((r) => r.city);
    expect(cities).toEqual(expect.arrayContaining(['Fresno', 'Boston']));
  });

  it('a waiting pair is scored again on the next run: one that no longer matches leaves the queue', async () => {
    await load('two.csv', DOUBTFUL);
    run(t.db);
    const [pair] = reviewQueue(t.db).pairs;
    expect(pair).toBeDefined();
    // The right-hand record turns out to be elsewhere (an edit or a later import).
    t.db
      .prepare(
        `UPDATE companies SET address = '900 Oak Ave', city = 'Boston', state = 'MA', zip = '02108', phone = '+16175550100', phone10 = '6175550100' WHERE id = ?`,
      )
      .run(pair!.right.id);
    run(t.db);
    expect(reviewQueue(t.db).pairs).toEqual([]);
  });

  it('a waiting pair shows its current score and reasons, not those it was queued with', async () => {
    await load('two.csv', DOUBTFUL);
    run(t.db);
    const [pair] = reviewQueue(t.db).pairs;
    t.db.prepare(`UPDATE match_candidates SET score = 99, reasons = '[]' WHERE id = ?`).run(pair!.id);
    run(t.db);
    const [again] = reviewQueue(t.db).pairs;
    expect(again!.score).toBe(pair!.score);
    expect(again!.reasons).toEqual(pair!.reasons);
  });
});
