import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli } from '../../helpers/cli';
import { freshDb } from '../../helpers/importing';
import { seedPeople } from '../../helpers/exportSeed';
import { CLI } from '../../helpers/paths';
import { readCsv } from '../export/support';

describe('cli: export', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(async () => {
    t = freshDb();
    await seedPeople(
      t.db,
      t.dir,
      [
        {
          first: 'Ann',
          last: 'Lee',
          title: 'CEO',
          company: 'Acme Plumbing',
          email: 'ann@acme.com',
          industry: 'Plumbing',
          employees: 80,
        },
        {
          first: 'Bob',
          last: 'Stone',
          title: 'Office Manager',
          company: 'Acme Plumbing',
          email: 'bob@acme.com',
        },
        { first: 'Cy', last: 'Mora', title: 'Owner', company: 'Corner Electric', email: 'cy@corner.com' },
      ],
      { approve: ['Ann Lee', 'Bob Stone'] },
    );
    t.db.close();
  });
  afterEach(() => t.cleanup());

  it('writes approved leads by default, a tier of everyone when asked, and only what changed with --since-last', async () => {
    const out = path.join(t.dir, 'sf.csv');
    const first = await cli('--db', t.file, 'export', '--format', 'salesforce', '--out', out, '--json');
    expect(first.code).toBe(0);
    expect(first.json()).toMatchObject({ written: true, rows: 2, target: 'salesforce', path: out });
    expect(readCsv(out).rows.map((r) => r.LastName)).toEqual(['Lee', 'Stone']);

    const hot = path.join(t.dir, 'hot.csv');
    const tier = await cli(
      '--db',
      t.file,
      'export',
      '--format',
      'close',
      '--out',
      hot,
      '--scope',
      'all',
      '--tier',
      'hot',
    );
    expect(tier.code).toBe(0);
    expect(tier.out[0]).toMatch(/^Wrote 1 rows for Close to /);
    expect(readCsv(hot).rows.map((r) => r.contact)).toEqual(['Ann Lee']);

    const since = [
      '--db',
      t.file,
      'export',
      '--format',
      'hubspot',
      '--out',
      path.join(t.dir, 'hs.csv'),
      '--since-last',
    ];
    expect((await cli(...since)).code).toBe(0);
    const again = await cli(...since);
    expect(again.out.join('\n')).toMatch(
      /Nothing new or changed since the last export to HubSpot \(2 unchanged\)/,
    );
  });

  it('says how to use it when the format or the file is missing or wrong', async () => {
    const noFormat = await cli('--db', t.file, 'export', '--out', 'x.csv');
    expect(noFormat.code).toBe(2);
    expect(noFormat.err.join('\n')).toMatch(/--format close\|hubspot\|salesforce\|generic/);
    expect((await cli('--db', t.file, 'export', '--format', 'pipedrive', '--out', 'x.csv')).code).toBe(2);
    expect((await cli('--db', t.file, 'export', '--format', 'close')).err.join('\n')).toMatch(/--out FILE/);
    const tier = await cli(
      '--db',
      t.file,
      'export',
      '--format',
      'close',
      '--out',
      'x.csv',
      '--tier',
      'LUKEWARM',
    );
    expect(tier.code).toBe(2);
    const filter = await cli(
      '--db',
      t.file,
      'export',
      '--format',
      'close',
      '--out',
      'x.csv',
      '--filter',
      'Nope',
      '--json',
    );
    expect(filter.code).toBe(1);
    expect(filter.json()).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('is part of the built command line', () => {
    const out = path.join(t.dir, 'generic.csv');
    const run = spawnSync(
      process.execPath,
      [CLI, '--db', t.file, 'export', '--format', 'generic', '--out', out, '--json'],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').at(-1)!)).toMatchObject({ rows: 2, written: true });
  });
});
