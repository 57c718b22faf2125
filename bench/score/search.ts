/**
 * Full-text search speed: `npm run bench -- bench/score/search.ts [contacts]` (default 250,000).
 *
 * Goal: p95 ≤ 50 ms per query over 250,000 contacts, for a mix of names, companies and titles as a
 * seller types them (prefixes, one or two words). Measured as the records table asks: the ordered
 * ids of every match (by score) and the first page of 100 rows — each query new to the cache.
 * Same-run baseline: the bare FTS5 MATCH returning matching rowids, nothing joined or sorted.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/main/core/db/database';
import { RecordLists } from '../../src/main/core/records/recordLists';
import { ftsQuery } from '../../src/main/core/records/ftsQuery';
import { rescore } from '../../src/main/core/scoring/rescore';
import { readSettings } from '../../src/main/core/settings/settingsStore';
import { buildLeadsDb } from './generate';
import { fmt, percentile, WORK } from '../lib/measure';

const CONTACTS = Number(process.argv[2] ?? 250_000);

const QUERIES = [
  // names, whole and typed halfway
  'james',
  'jam',
  'smith',
  'smi',
  'maria garcia',
  'mar gar',
  'nguyen',
  'kel',
  'robert j',
  'patel',
  'olivia',
  'ethan w',
  'brooks',
  'sand',
  'will',
  'alex',
  'chris',
  'dan',
  'joh',
  'jen',
  // companies
  'summit',
  'summit roof',
  'pioneer elec',
  'acme',
  'golden valley',
  'lone star',
  'redwood plumb',
  'coastal hvac',
  'granite con',
  'horizon solar',
  'titan',
  'metro paint',
  'eagle',
  'bay',
  'frontier build',
  // titles
  'ceo',
  'director',
  'vp',
  'vice president',
  'owner',
  'founder',
  'estimator',
  'project manager',
  'head of',
  'partner',
  'chief',
  'operations',
  'superintendent',
  'sales',
  'pres',
  // emails
  'james.smith',
  'company12',
  '@company5',
];

function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `leads-${CONTACTS}.db`);
  buildLeadsDb(file, CONTACTS);
  const db = openDatabase(file);
  rescore(db, readSettings(db, 'scoring'), 'bench');
  const bare = db.prepare('SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ?').pluck();
  const baseline: number[] = [];
  const app: number[] = [];
  const matches: number[] = [];
  // Three rounds; each round is a new RecordLists, so nothing is served from its cache.
  for (let round = 0; round < 3; round++) {
    const lists = new RecordLists(db);
    for (const text of QUERIES) {
      const fts = ftsQuery(text)!;
      let t0 = performance.now();
      bare.all(fts);
      baseline.push(performance.now() - t0);
      t0 = performance.now();
      const page = lists.contactsPage({ search: text }, 0, 100, 'score', 'desc');
      app.push(performance.now() - t0);
      if (round === 0) matches.push(page.total);
    }
  }
  db.close();
  const row = (label: string, times: number[]) =>
    `| ${label} | ${times.length} | ${fmt(percentile(times, 0.5), 1)} ms | ${fmt(percentile(times, 0.95), 1)} ms | ${fmt(Math.max(...times), 1)} ms |`;
  console.log(
    `\nFull-text search over ${CONTACTS.toLocaleString('en-US')} contacts, ${QUERIES.length} queries × 3 (goal p95 ≤ 50 ms)\n`,
  );
  console.log('| what | queries | p50 | p95 | max |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(row('baseline: bare FTS5 MATCH (rowids only)', baseline));
  console.log(row('the records table: all matches by score + first 100 rows', app));
  const sorted = [...matches].sort((a, b) => a - b);
  console.log(
    `\nmatches per query: median ${percentile(sorted, 0.5).toLocaleString('en-US')}, largest ${sorted.at(-1)!.toLocaleString('en-US')}`,
  );
}

main();
