import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, freshDb, importFile } from '../../helpers/importing';
import { systemClock } from '../../../src/main/core/clock';
import { undoImport } from '../../../src/main/core/import/undoImport';
import { provenanceOf } from '../../../src/main/core/records/provenance';

const HEADER = 'First Name,Last Name,Title,Company,Website,Email,Employees,Industry';
const CEO = 'Ann,Lee,CEO,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction';
const REP = 'Ann,Lee,Sales Rep,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction';

/**
 * Issue 4: the best provenance wins and every alternative is kept — when an import meets a stored
 * record as when two records merge. A bought list does not overwrite what the CRM says.
 */
describe('an import updating a record another source made', () => {
  let t: ReturnType<typeof freshDb>;
  const write = (name: string, row: string) => {
    const file = path.join(t.dir, name);
    fs.writeFileSync(file, `${HEADER}\n${row}\n`);
    return file;
  };
  const ann = () =>
    t.db.prepare('SELECT id, title FROM contacts WHERE merged_into IS NULL').get() as {
      id: number;
      title: string;
    };
  const tier = () => t.db.prepare('SELECT score, tier FROM scores').get();
  const titleAlternatives = () =>
    provenanceOf(t.db, 'contact', ann().id).find((f) => f.field === 'title')?.alternatives ?? [];
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('keeps the CRM title over a bought list and keeps the list’s title as an alternative', async () => {
    await importFile(t.db, { path: write('crm.csv', CEO), sourceKind: 'crm_export' });
    const before = tier();
    const report = await importFile(t.db, { path: write('gtm.csv', REP), sourceKind: 'gtm_list' });
    expect(report).toMatchObject({ updated: 1, contactsCreated: 0 });
    expect(ann().title).toBe('CEO');
    expect(tier()).toEqual(before);
    expect(titleAlternatives()).toEqual([{ value: 'Sales Rep', from: 'gtm.csv row 1' }]);

    // The same list again (another file of the same rows): nothing new, the alternative once.
    const again = await importFile(t.db, { path: write('gtm2.csv', REP + '\n'), sourceKind: 'gtm_list' });
    expect(again).toMatchObject({ updated: 0, unchanged: 1 });
    expect(count(t.db, 'field_alternatives')).toBe(1);

    // Undo takes the alternatives the import recorded with it.
    undoImport(t.db, again.batchId!, systemClock);
    undoImport(t.db, report.batchId!, systemClock);
    expect(count(t.db, 'field_alternatives')).toBe(0);
    expect(ann().title).toBe('CEO');
  });

  it('lets the CRM overwrite a bought list, keeping the list’s value as an alternative; Undo puts it back', async () => {
    await importFile(t.db, { path: write('gtm.csv', REP), sourceKind: 'gtm_list' });
    const report = await importFile(t.db, { path: write('crm.csv', CEO), sourceKind: 'crm_export' });
    expect(report).toMatchObject({ updated: 1 });
    expect(ann().title).toBe('CEO');
    expect(titleAlternatives()).toEqual([{ value: 'Sales Rep', from: 'gtm.csv row 1' }]);
    undoImport(t.db, report.batchId!, systemClock);
    expect(ann().title).toBe('Sales Rep');
    expect(count(t.db, 'field_alternatives')).toBe(0);
  });

  it('between sources trusted alike the newer file wins, as before', async () => {
    await importFile(t.db, { path: write('a.csv', CEO), sourceKind: 'gtm_list' });
    await importFile(t.db, { path: write('b.csv', REP), sourceKind: 'gtm_list' });
    expect(ann().title).toBe('Sales Rep');
    expect(titleAlternatives()).toEqual([{ value: 'CEO', from: 'a.csv row 1' }]);
  });

  it('a field the CRM set on a list’s record is the CRM’s: a later list does not overwrite it', async () => {
    await importFile(t.db, { path: write('gtm.csv', REP), sourceKind: 'gtm_list' });
    await importFile(t.db, { path: write('crm.csv', CEO), sourceKind: 'crm_export' });
    await importFile(t.db, {
      path: write(
        'gtm2.csv',
        'Ann,Lee,Estimator,Acme Roofing,acmeroofing.com,ann@acmeroofing.com,80,Construction',
      ),
      sourceKind: 'gtm_list',
    });
    expect(ann().title).toBe('CEO');
    expect(titleAlternatives().map((a) => a.value)).toEqual(['Sales Rep', 'Estimator']);
  });
});
