import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { CLI, tempDir } from '../../helpers/paths';
import {
  StillClock,
  seedLeads,
  useOutreachSettings,
  warmLeads,
  writeReadyTemplates,
} from '../../helpers/leads';
import { openDatabase } from '../../../src/main/core/db/database';
import type { DayQueue, OutreachPlan } from '../../../src/shared/domain/outreach';
import type { QuotaMeter } from '../../../src/shared/domain/quotas';

const LA = 'America/Los_Angeles';

/** Runs the built CLI as its own process, as a script would. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('cli: plan, queue, mark, quotas, log, suppress', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(() => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'x.db');
  });
  afterEach(() => tmp.cleanup());

  function seed(count: number, limits: Record<string, number>) {
    const clock = new StillClock('2026-03-02T16:00:00Z');
    const conn = openDatabase(db);
    try {
      useOutreachSettings(conn, clock, { timeZone: LA, limits });
      writeReadyTemplates(conn);
      return seedLeads(
        conn,
        [
          ...warmLeads(count),
          { name: 'Hot Inmail', tier: 'HOT', score: 90, linkedin: 'https://www.linkedin.com/in/hot' },
        ],
        clock,
      );
    } finally {
      conn.close();
    }
  }
  const rows = (sql: string) => {
    const conn = new Database(db, { readonly: true });
    try {
      return conn.prepare(sql).all();
    } finally {
      conn.close();
    }
  };

  it('plans, lists a day’s queue the same way twice, marks, and refuses past a quota with a clear error', async () => {
    const ids = seed(4, { invite_day: 2 });
    const preview = (
      await cli('--db', db, 'plan', '--at', '2026-03-02T09:00:00-08:00', '--json')
    ).json() as OutreachPlan;
    expect(preview).toMatchObject({
      date: '2026-03-02',
      applied: null,
      counts: { inmail: 1, invite: 4, email: 0 },
    });
    expect(preview.estimatedCompletion).toBe('2026-03-03');
    const text = await cli('--db', db, 'plan', '--at', '2026-03-02T09:00:00-08:00');
    expect(text.out.join('\n')).toMatch(
      /InMail\s+1[\s\S]*Invite\s+4[\s\S]*Estimated completion: 2026-03-03[\s\S]*A preview/,
    );
    const applied = await cli('--db', db, 'plan', '--apply', '--at', '2026-03-02T09:00:00-08:00', '--json');
    expect((applied.json() as OutreachPlan).applied).toBe(5);

    const q1 = await cli('--db', db, 'queue', '--date', '2026-03-02', '--json');
    const q2 = await cli('--db', db, 'queue', '--date', '2026-03-02', '--json');
    expect(q1.out.at(-1)).toBe(q2.out.at(-1));
    const queue = q1.json() as DayQueue;
    expect(queue.items.map((i) => [i.kind, i.contactId])).toEqual([
      ['inmail', ids[4]],
      ['invite', ids[0]],
      ['invite', ids[1]],
    ]);
    expect(queue.items[1]!.body).toBe(
      'Hi Person, I help contractors like Person Co 0 win more bids. Open to connect?',
    );
    const listed = (await cli('--db', db, 'queue', '--date', '2026-03-02')).out.join('\n');
    expect(listed).toContain('0 of 1 InMail sent, 0 of 2 invites sent');
    expect(listed).toContain(`#${queue.items[1]!.id}  invite`);

    const [, a, b] = queue.items;
    expect(
      (
        await cli(
          '--db',
          db,
          'mark',
          '--item',
          String(a!.id),
          '--status',
          'sent',
          '--at',
          '2026-03-02T10:00:00-08:00',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await cli(
          '--db',
          db,
          'mark',
          '--item',
          String(b!.id),
          '--status',
          'sent',
          '--at',
          '2026-03-02T10:05:00-08:00',
        )
      ).code,
    ).toBe(0);
    const [{ id: third }] = rows(
      `SELECT id FROM outreach_actions WHERE status = 'planned' AND kind = 'invite' ORDER BY id LIMIT 1`,
    ) as [{ id: number }];
    const refused = await cli(
      '--db',
      db,
      'mark',
      '--item',
      String(third),
      '--status',
      'sent',
      '--at',
      '2026-03-02T16:59:00-08:00',
      '--json',
    );
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toBe(
      "Error: Today's 2 invites are used (limit 2 a day); more from 2026-03-03 00:00 (America/Los_Angeles).",
    );
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'quota_exceeded' } });
    // At that time on the next day it goes through.
    expect(
      (
        await cli(
          '--db',
          db,
          'mark',
          '--item',
          String(third),
          '--status',
          'sent',
          '--at',
          '2026-03-03T09:00:00-08:00',
        )
      ).code,
    ).toBe(0);

    const quotas = (
      await cli('--db', db, 'quotas', '--at', '2026-03-02T17:00:00-08:00', '--json')
    ).json() as {
      meters: QuotaMeter[];
      inmail: { recommendation: string };
    };
    expect(quotas.meters.find((m) => m.id === 'invite_day')).toMatchObject({
      used: 2,
      limit: 2,
      level: 'exhausted',
    });
    expect(quotas.meters.find((m) => m.id === 'invite_week')).toMatchObject({ used: 2, limit: 100 });
    expect(quotas.inmail.recommendation).toBe('Send InMails now: 50 left covers all 1 HOT contacts waiting.');
    const quotaText = (await cli('--db', db, 'quotas', '--at', '2026-03-02T17:00:00-08:00')).out.join('\n');
    expect(quotaText).toMatch(/× Invites today\s+2 \/ 2\s+resets 2026-03-03 00:00/);

    expect(
      (
        await cli(
          '--db',
          db,
          'mark',
          '--item',
          String(a!.id),
          '--status',
          'accepted',
          '--at',
          '2026-03-04T10:00:00-08:00',
        )
      ).code,
    ).toBe(0);
    const log = (await cli('--db', db, 'log', '--contact', String(a!.contactId))).out.join('\n');
    expect(log).toContain(`#${a!.id} invite: accepted`);
    expect(log).toMatch(/2026-03-02 10:00 {2}sent\n.*2026-03-04 10:00 {2}accepted/);
    expect(log).toContain('| Hi Person, I help contractors like Person Co 0 win more bids. Open to connect?');
    expect(log).toMatch(/#\d+ follow-up: planned/);

    const wrong = await cli('--db', db, 'mark', '--item', String(a!.id), '--status', 'sent');
    expect(wrong.code).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/is accepted; it can be marked replied, no response, not sent/);
    expect((await cli('--db', db, 'mark', '--item', '1', '--status', 'maybe')).code).toBe(2);
    expect((await cli('--db', db, 'mark', '--item', '1', '--status', 'sent', '--at', 'yesterday')).code).toBe(
      2,
    );
    expect((await cli('--db', db, 'queue', '--date', '2026-02-30')).err.join('\n')).toMatch(
      /not a date like/,
    );
  });

  it('takes --at for a send logged late, but not before the item was planned, not in the future, and not past a later week', async () => {
    seed(4, { invite_day: 2, invite_week: 2 });
    expect((await cli('--db', db, 'plan', '--apply', '--at', '2026-03-02T09:00:00-08:00')).code).toBe(0);
    const [a, b, c] = (
      rows(`SELECT id FROM outreach_actions WHERE kind = 'invite' ORDER BY id`) as { id: number }[]
    ).map((r) => r.id);
    const mark = (id: number, at: string) =>
      cli('--db', db, 'mark', '--item', String(id), '--status', 'sent', '--at', at);
    const before = await mark(a!, '2026-03-01T09:00:00-08:00');
    expect(before.code).toBe(1);
    expect(before.err.join('\n')).toMatch(
      /invite was planned at 2026-03-02 09:00; it cannot be marked sent at 2026-03-01 09:00, before that\.$/,
    );
    const future = await mark(a!, '2999-01-04T09:00:00-08:00');
    expect(future.code).toBe(1);
    expect(future.err.join('\n')).toMatch(/^Error: 2999-01-04 09:00 is in the future/);
    // Wednesday and Thursday fill the rolling week's 2; Monday's send, logged late, would overfill it.
    expect((await mark(b!, '2026-03-04T10:00:00-08:00')).code).toBe(0);
    expect((await mark(c!, '2026-03-05T10:00:00-08:00')).code).toBe(0);
    const late = await mark(a!, '2026-03-02T10:00:00-08:00');
    expect(late.code).toBe(1);
    expect(late.err.join('\n')).toBe(
      'Error: The 7 days to 2026-03-05 already hold 2 invites (limit 2 a rolling week); one more on 2026-03-02 would pass it.',
    );
    expect(rows(`SELECT count(*) AS n FROM quota_ledger WHERE outcome = 'used'`)).toEqual([{ n: 2 }]);
  });

  it('keeps suppressed people out of the plan and the queue', async () => {
    seed(2, {});
    const list = path.join(tmp.dir, 'dnc.csv');
    fs.writeFileSync(list, 'linkedin\nhttps://www.linkedin.com/in/person-0\n');
    const imported = await cli('--db', db, 'suppress', 'import', list, '--json');
    expect(imported.json()).toMatchObject({ added: 1, rows: 1 });
    expect((await cli('--db', db, 'suppress', 'add', 'rival-co.com', '--reason', 'competitor')).out).toEqual([
      'Added 1; 0 already listed.',
    ]);
    expect((await cli('--db', db, 'suppress', 'list')).out).toEqual([
      '#2  domain   rival-co.com  — competitor',
      '#1  linkedin person-0  — from dnc.csv',
    ]);
    // On a Monday: the queue of a day off hands nothing out, whatever day the test runs on.
    const plan = (
      await cli('--db', db, 'plan', '--apply', '--at', '2026-03-02T09:00:00-08:00', '--json')
    ).json() as OutreachPlan;
    expect(plan).toMatchObject({ applied: 2, suppressed: 1, date: '2026-03-02' });
    expect(plan.entries.map((e) => e.name)).not.toContain('Person A0 Example');
    // Suppressed after planning: gone from the queue too.
    await cli('--db', db, 'suppress', 'add', 'https://www.linkedin.com/in/hot');
    const today = plan.date;
    const queue = (await cli('--db', db, 'queue', '--date', today, '--json')).json() as DayQueue;
    expect(queue.items.map((i) => i.name)).toEqual(['Person B1 Example']);
    expect((await cli('--db', db, 'suppress', 'remove', '2')).code).toBe(0);
    expect((await cli('--db', db, 'suppress', 'remove', '2')).code).toBe(2);
  });

  it('of several processes marking at the last units at once, only as many as fit succeed', async () => {
    seed(8, { invite_day: 3 });
    expect((await cli('--db', db, 'plan', '--apply', '--at', '2026-03-02T09:00:00-08:00')).code).toBe(0);
    const invites = (
      rows(`SELECT id FROM outreach_actions WHERE kind = 'invite' ORDER BY id`) as { id: number }[]
    ).map((r) => r.id);
    // One unit left after two marks: two processes reach for it at the same moment.
    for (const id of invites.slice(0, 2))
      expect(
        (
          await run([
            '--db',
            db,
            'mark',
            '--item',
            String(id),
            '--status',
            'sent',
            '--at',
            '2026-03-02T10:00:00-08:00',
          ])
        ).code,
      ).toBe(0);
    const pair = await Promise.all(
      invites
        .slice(2, 4)
        .map((id) =>
          run([
            '--db',
            db,
            'mark',
            '--item',
            String(id),
            '--status',
            'sent',
            '--at',
            '2026-03-02T11:00:00-08:00',
          ]),
        ),
    );
    expect(pair.map((r) => r.code).sort()).toEqual([0, 1]);
    expect(pair.find((r) => r.code === 1)!.stderr).toMatch(/Today's 3 invites are used/);
    // Next day, three units and four processes.
    const four = await Promise.all(
      invites
        .slice(4, 8)
        .map((id) =>
          run([
            '--db',
            db,
            'mark',
            '--item',
            String(id),
            '--status',
            'sent',
            '--at',
            '2026-03-03T11:00:00-08:00',
            '--json',
          ]),
        ),
    );
    expect(four.filter((r) => r.code === 0)).toHaveLength(3);
    expect(
      JSON.parse(
        four
          .find((r) => r.code === 1)!
          .stdout.trim()
          .split('\n')
          .at(-1)!,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'quota_exceeded' },
    });
    expect(rows(`SELECT count(*) AS n FROM quota_ledger WHERE outcome = 'used'`)).toEqual([{ n: 6 }]);
    expect(rows(`SELECT count(*) AS n FROM outreach_actions WHERE status = 'sent'`)).toEqual([{ n: 6 }]);
  });
});
