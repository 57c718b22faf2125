import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { importFile } from '../../helpers/importing';
import { REAL_FIXTURES } from '../../helpers/paths';
import { rescore } from '../../../src/main/core/scoring/rescore';
import { readSettings } from '../../../src/main/core/settings/settingsStore';
import { exportTo, readCsv } from './support';

const LEADS = path.join(REAL_FIXTURES, 'salesforce_demo/Lead.csv');

type SfLead = Record<string, string>;
const person = (r: SfLead) =>
  [r.FirstName, r.LastName, r.Email?.toLowerCase(), r.Company, r.Title]
    .map((v) => (v ?? '').trim())
    .join(' | ');

/**
 * Salesforce's own demo Leads (a real export with API field names) go in through the importer and
 * come out as a Salesforce Lead file: the same people, under the same field names.
 */
describe('the Salesforce demo, imported and exported again', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  it('gives back the same people', async () => {
    const source = Papa.parse<SfLead>(fs.readFileSync(LEADS, 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const report = await importFile(t.db, { path: LEADS });
    expect(report.rowsRead).toBe(source.length);
    rescore(t.db, readSettings(t.db, 'scoring'), '2026-11-20T10:00:00.000Z');
    const file = path.join(t.dir, 'salesforce-leads.csv');
    const exported = exportTo(t.db, file, { target: 'salesforce', scope: { kind: 'all' } });
    const { headers, rows } = readCsv(file);
    // Every field we write is a Lead field the demo export itself has (plus Rating, Street…, standard Lead fields).
    const sourceHeaders = Object.keys(source[0]!);
    for (const h of [
      'FirstName',
      'LastName',
      'Title',
      'Company',
      'Email',
      'Phone',
      'Website',
      'LeadSource',
      'Status',
      'Industry',
      'NumberOfEmployees',
    ])
      expect(sourceHeaders, h).toContain(h);
    expect(headers.slice(0, 5)).toEqual(['FirstName', 'LastName', 'Title', 'Company', 'Email']);
    expect(exported.rows).toBe(rows.length);
    expect(rows.map(person).sort()).toEqual(source.map(person).sort());
    // Phones come back in one form (E.164), the same numbers.
    const digits = (p: string) => p.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '');
    const phoneOf = new Map(source.map((r) => [r.Email!.toLowerCase(), digits(r.Phone ?? '')]));
    // (A number the importer could not read as a phone, like "(033) 452-1299", was flagged and left out.)
    const kept = rows.filter((r) => r.Phone);
    for (const row of kept) expect(digits(row.Phone!), row.Email).toBe(phoneOf.get(row.Email!));
    expect(kept.length).toBeGreaterThanOrEqual(rows.length - 3);
    // Burlington's employees and industry came through.
    expect(rows.find((r) => r.LastName === 'Rogers')).toMatchObject({
      Industry: 'Apparel',
      NumberOfEmployees: '9000',
    });
  });
});
