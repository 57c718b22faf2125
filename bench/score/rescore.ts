/**
 * Re-scoring speed: `npm run bench -- bench/score/rescore.ts [contacts]` (default 100,000).
 *
 * Goal: re-score 100,000 contacts in ≤ 1 s. Measured: the first scoring (every row written), a
 * re-score after a rule change (the HOT cut-off moves: some rows rewritten), a re-score with nothing
 * changed, and the tier-move preview the Settings page shows. Same-run baseline: reading the same
 * facts with one plain SQL query and nothing else — the floor any re-score stands on.
 */
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase } from '../../src/main/core/db/database';
import { readSettings } from '../../src/main/core/settings/settingsStore';
import { previewTierMoves, rescore } from '../../src/main/core/scoring/rescore';
import { buildLeadsDb } from './generate';
import { fmt, WORK } from '../lib/measure';

const CONTACTS = Number(process.argv[2] ?? 100_000);

function timed<T>(run: () => T): { seconds: number; value: T } {
  const started = performance.now();
  const value = run();
  return { seconds: (performance.now() - started) / 1000, value };
}

function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `leads-${CONTACTS}.db`);
  buildLeadsDb(file, CONTACTS);
  const db = openDatabase(file);
  const settings = readSettings(db, 'scoring');
  const baseline = timed(
    () =>
      db
        .prepare(
          `SELECT c.id, c.full_name, c.title, c.email, c.linkedin_key, c.company_id, c.discovery_source,
                  co.employee_count, co.industry, co.icp_score, co.icp_tier
           FROM contacts c LEFT JOIN companies co ON co.id = c.company_id WHERE c.merged_into IS NULL`,
        )
        .all().length,
  );
  // The floor for writing: the same number of score rows, precomputed, into a copy of the table.
  db.exec('CREATE TABLE bench_scores AS SELECT * FROM scores WHERE 0');
  db.exec('CREATE INDEX bench_scores_tier ON bench_scores(tier, score)');
  db.exec('CREATE INDEX bench_scores_score ON bench_scores(score DESC)');
  const insert = db.prepare(
    'INSERT INTO bench_scores (contact_id, score, tier, inmail_eligible, breakdown, data_hash, scored_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const sample = '{"score":55,"tier":"WARM","rulesScore":55,"inmailEligible":false,"factors":[]}';
  const writeFloor = timed(() =>
    db.transaction(() => {
      for (let id = 1; id <= CONTACTS; id++) {
        const score = (id * 7919) % 101;
        insert.run(
          id,
          score,
          score >= 80 ? 'HOT' : score >= 50 ? 'WARM' : 'COLD',
          0,
          sample,
          '0123abcd',
          'now',
        );
      }
    })(),
  );
  db.exec('DROP TABLE bench_scores');
  const first = timed(() => rescore(db, settings, 'first'));
  const moved = { ...settings, tiers: { hot: 70, warm: 45 } };
  const preview = timed(() => previewTierMoves(db, moved));
  const changed = timed(() => rescore(db, moved, 'rule change'));
  const again = timed(() => rescore(db, moved, 'nothing changed'));
  db.close();

  const moves = preview.value.reduce((sum, m) => sum + m.count, 0);
  console.log(`\nRe-scoring ${CONTACTS.toLocaleString('en-US')} contacts (goal ≤ 1 s)\n`);
  console.log('| step | time | rows written |');
  console.log('|---|---:|---:|');
  console.log(`| baseline: read the facts (one SQL query) | ${fmt(baseline.seconds)} s | — |`);
  console.log(
    `| baseline: write as many score rows, nothing computed | ${fmt(writeFloor.seconds)} s | ${CONTACTS.toLocaleString('en-US')} |`,
  );
  console.log(`| first scoring | ${fmt(first.seconds)} s | ${first.value.changed.toLocaleString('en-US')} |`);
  console.log(
    `| preview of a rule change (${moves.toLocaleString('en-US')} would move) | ${fmt(preview.seconds)} s | 0 |`,
  );
  console.log(
    `| re-score after the rule change | ${fmt(changed.seconds)} s | ${changed.value.changed.toLocaleString('en-US')} |`,
  );
  console.log(
    `| re-score, nothing changed | ${fmt(again.seconds)} s | ${again.value.changed.toLocaleString('en-US')} |`,
  );
  console.log(`\ntiers after: ${JSON.stringify(changed.value.tiers)}`);
}

main();
