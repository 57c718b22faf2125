import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb, importFile } from '../../helpers/importing';
import { systemClock } from '../../../src/main/core/clock';
import { approveQueued, decideLeads, QUEUE_FILTER } from '../../../src/main/core/scoring/approvals';
import { RecordLists } from '../../../src/main/core/records/recordLists';
import { addSuppressions } from '../../../src/main/core/suppression/suppressions';

const LEADS = `First Name,Last Name,Title,Company,Website,Email,Employees,Industry
Ann,Lee,CEO,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,800,Construction
Bo,Diaz,CEO,Bright Solar,brightsolar.com,bo@brightsolar.com,800,Construction
`;

/** A person on the do-not-contact list is never contacted: the seller has nothing to decide. */
describe('the approval queue and the do-not-contact list', () => {
  let t: ReturnType<typeof freshDb>;
  let lists: RecordLists;
  const idOf = (name: string) =>
    t.db.prepare('SELECT id FROM contacts WHERE full_name = ?').pluck().get(name) as number;
  const queued = () => lists.contactsPage(QUEUE_FILTER, 0, 100, 'score', 'desc').rows.map((r) => r.fullName);
  beforeEach(async () => {
    t = freshDb();
    const file = path.join(t.dir, 'leads.csv');
    fs.writeFileSync(file, LEADS);
    await importFile(t.db, { path: file });
    lists = new RecordLists(t.db);
    addSuppressions(
      t.db,
      [{ kind: 'email', value: 'bo@brightsolar.com', reason: 'asked us never to call' }],
      systemClock,
    );
  });
  afterEach(() => t.cleanup());

  it('leaves suppressed people out of the queue and its count', () => {
    expect(queued()).toEqual(['Ann Lee']);
    expect(lists.contactsPage(QUEUE_FILTER, 0, 100, 'score', 'desc').total).toBe(1);
    // The records list still finds them, and can show only them.
    expect(
      lists.contactsPage({ suppressed: true }, 0, 100, 'score', 'desc').rows.map((r) => r.fullName),
    ).toEqual(['Bo Diaz']);
  });

  it('refuses to approve a suppressed person, saying why; bulk approve passes them by; rejecting works', () => {
    expect(() => decideLeads(t.db, [idOf('Bo Diaz')], 'approved', null, systemClock)).toThrow(
      /Bo Diaz is on the do-not-contact list/,
    );
    expect(approveQueued(t.db, lists, {}, systemClock)).toBe(1);
    expect(t.db.prepare('SELECT full_name, approval FROM contacts ORDER BY id').all()).toEqual([
      { full_name: 'Ann Lee', approval: 'approved' },
      { full_name: 'Bo Diaz', approval: null },
    ]);
    expect(decideLeads(t.db, [idOf('Bo Diaz')], 'rejected', 'on the list', systemClock)).toBe(1);
  });
});
