import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { StillClock } from '../../helpers/leads';
import { importSuppressionList } from '../../../src/main/core/suppression/importList';
import { listSuppressions } from '../../../src/main/core/suppression/suppressions';

describe('importing a do-not-contact list', () => {
  let t: ReturnType<typeof freshDb>;
  const clock = new StillClock('2026-03-02T17:00:00Z');
  beforeEach(() => {
    t = freshDb();
  });
  afterEach(() => t.cleanup());
  const write = (name: string, text: string) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('reads a plain list, one value a line, guessing each kind', async () => {
    const file = write(
      'dnc.txt',
      [
        'ann@acme.com',
        'boltelectric.com',
        'https://www.linkedin.com/in/catcole/',
        'Acme Inc',
        '',
        'ANN@acme.com',
      ].join('\n'),
    );
    const report = await importSuppressionList(t.db, file, clock);
    expect(report).toMatchObject({
      fileName: 'dnc.txt',
      rows: 5,
      added: 3,
      alreadyListed: 1,
      invalid: [],
      unrecognisedCount: 1,
      unrecognised: [{ row: 4, text: 'Acme Inc' }],
    });
    expect(listSuppressions(t.db).map((s) => [s.kind, s.value, s.reason])).toEqual([
      ['domain', 'boltelectric.com', 'from dnc.txt'],
      ['email', 'ann@acme.com', 'from dnc.txt'],
      ['linkedin', 'catcole', 'from dnc.txt'],
    ]);
  });

  it('uses a CSV’s header for the kind and the reason', async () => {
    const file = write(
      'unsubscribes.csv',
      [
        'Email,Domain,Reason',
        'dan@dunn.com,,asked by phone',
        ',sunrise.co.uk,competitor',
        'not-an-email,,typo',
      ].join('\r\n'),
    );
    const report = await importSuppressionList(t.db, file, clock);
    expect(report).toMatchObject({ rows: 3, added: 2, invalid: [{ kind: 'email', value: 'not-an-email' }] });
    expect(listSuppressions(t.db).map((s) => [s.kind, s.value, s.reason])).toEqual([
      ['domain', 'sunrise.co.uk', 'competitor'],
      ['email', 'dan@dunn.com', 'asked by phone'],
    ]);
  });
});
