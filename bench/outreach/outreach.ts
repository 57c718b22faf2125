/**
 * The outreach plan and the day's queue at scale: `npm run bench -- bench/outreach/outreach.ts [N]`.
 *
 * N approved, scored leads (default 50,000; 1 in 10 HOT without email, 1 in 20 HOT with email,
 * the rest WARM with a LinkedIn profile) in a fresh database file, plus a 500-entry do-not-contact
 * list. Times: the plan's preview and its apply (routing every lead, one transaction), a day's
 * queue (render 20 invites out of N open items), and marking 20 items sent through the ledger.
 * Baseline, same run: one SQL query picking the day's 20 highest-scored approved leads not on the
 * list — the least any queue must do.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/main/core/db/database';
import { systemClock } from '../../src/main/core/clock';
import { readQuotaConfig } from '../../src/main/core/quotas/config';
import { applyPlan, previewPlan } from '../../src/main/core/outreach/plan';
import { dayQueue } from '../../src/main/core/outreach/queue';
import { markItem } from '../../src/main/core/outreach/mark';
import { dateOf } from '../../src/main/core/quotas/windows';
import { suppressedSql } from '../../src/main/core/suppression/suppressions';
import { fmt, WORK } from '../lib/measure';

const N = Number(process.argv[2] ?? 50_000);

function seed(file: string): void {
  const db = openDatabase(file);
  const now = systemClock.now().toISOString();
  db.transaction(() => {
    const company = db.prepare(
      'INSERT INTO companies (name, name_key, domain, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
    );
    const contact = db.prepare(
      `INSERT INTO contacts (company_id, first_name, last_name, full_name, name_key, title, email, linkedin_url,
         linkedin_key, approval, approval_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'Owner', ?, ?, ?, 'approved', ?, ?, ?)`,
    );
    const score = db.prepare(
      `INSERT INTO scores (contact_id, score, tier, inmail_eligible, breakdown, data_hash, scored_at) VALUES (?, ?, ?, 0, ?, ?, ?)`,
    );
    const breakdown = JSON.stringify({
      score: 0,
      tier: 'WARM',
      inmailEligible: false,
      rulesScore: 0,
      factors: [
        {
          factor: 'title',
          points: 35,
          max: 40,
          sentence: '“Owner” counts as president, founder or owner: 35 of 40.',
        },
      ],
    });
    for (let i = 0; i < N; i++) {
      const c = Number(
        company.run(`Company ${i}`, `company ${i}`, `company${i}.com`, now, now).lastInsertRowid,
      );
      const hot = i % 10 === 0;
      const email = i % 20 === 5 ? `owner${i}@company${i}.com` : null;
      const tier = hot || email ? 'HOT' : 'WARM';
      const id = Number(
        contact.run(
          c,
          'Pat',
          `Lee${i}`,
          `Pat Lee${i}`,
          `pat lee${i}`,
          email,
          `https://www.linkedin.com/in/pat-lee-${i}`,
          `pat-lee-${i}`,
          `h${i}`,
          now,
          now,
        ).lastInsertRowid,
      );
      score.run(id, tier === 'HOT' ? 80 + (i % 20) : 50 + (i % 30), tier, breakdown, `h${i}`, now);
    }
    const suppress = db.prepare(`INSERT INTO suppressions (kind, value, created_at) VALUES ('domain', ?, ?)`);
    for (let i = 0; i < 500; i++) suppress.run(`company${i * 97}.com`, now);
    // Templates in the seller's own words (the seeded ones keep "[blanks]" the queue will not send).
    db.prepare(
      `UPDATE templates SET body = 'Hi {first_name}, I help {company} win more bids. Open to connect?' WHERE kind = 'invite'`,
    ).run();
  })();
  db.close();
}

function time<T>(fn: () => T): { value: T; seconds: number } {
  const started = performance.now();
  const value = fn();
  return { value, seconds: (performance.now() - started) / 1000 };
}

function main() {
  fs.mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `outreach-${N}-${process.pid}.db`);
  try {
    seed(file);
    const db = openDatabase(file);
    const config = readQuotaConfig(db);
    const today = dateOf(systemClock.now(), config.timeZone);
    const baseline = time(
      () =>
        db
          .prepare(
            `SELECT c.id FROM contacts c JOIN scores s ON s.contact_id = c.id
             WHERE c.approval = 'approved' AND NOT ${suppressedSql('c')} ORDER BY s.score DESC, c.id LIMIT 20`,
          )
          .all().length,
    );
    const preview = time(() => previewPlan(db, systemClock, config));
    const apply = time(() => applyPlan(db, systemClock, config));
    const queue = time(() => dayQueue(db, today, config));
    const again = time(() => dayQueue(db, today, config));
    const invites = queue.value.items.filter((i) => i.kind === 'invite').slice(0, 20);
    const marks = time(() => {
      for (const item of invites) markItem(db, { id: item.id, status: 'sent' }, systemClock, config);
    });
    db.close();
    const p = apply.value;
    console.log(`Outreach at ${N.toLocaleString('en-US')} approved leads (${p.suppressed} suppressed)`);
    console.log(
      `  plan: ${p.counts.inmail} InMail, ${p.counts.email} email, ${p.counts.invite} invite; done by ${p.estimatedCompletion}`,
    );
    console.log(`| step | seconds |`);
    console.log(`| --- | ---: |`);
    console.log(`| baseline: SQL, the 20 best approved leads not suppressed | ${fmt(baseline.seconds, 3)} |`);
    console.log(`| plan preview (route every lead, estimate) | ${fmt(preview.seconds, 3)} |`);
    console.log(`| plan apply (one transaction) | ${fmt(apply.seconds, 3)} |`);
    console.log(
      `| day's queue, first ask (${queue.value.items.length} items of ${p.applied} open) | ${fmt(queue.seconds, 3)} |`,
    );
    console.log(`| day's queue, asked again | ${fmt(again.seconds, 3)} |`);
    console.log(
      `| mark 20 invites sent (ledger, one immediate transaction each) | ${fmt(marks.seconds, 3)} |`,
    );
  } finally {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
}

main();
