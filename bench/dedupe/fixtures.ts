import fs from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { CompanyRecord, PersonRecord } from '../../src/main/core/dedupe/records';

/**
 * The labelled real fixtures as matcher records plus their true labels. Shared by the quality
 * benchmark and the quality tests so both measure exactly the same thing.
 */

const FIXTURES = path.resolve(import.meta.dirname, '../../tests/fixtures/real');

export interface Labelled<R> {
  records: R[];
  /** Record id → true entity. */
  labels: Map<number, string>;
}

function readCsv(file: string): Record<string, string>[] {
  const text = fs.readFileSync(file, 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim(),
    transform: (v) => v.trim(),
  });
  return parsed.data;
}

function blankToUndefined(v: string | undefined): string | undefined {
  return v && v.length > 0 ? v : undefined;
}

/**
 * The Chicago early-childhood providers (dedupe's csv_example): records from the unlabelled
 * file, labels ("True Id") joined by Id from the labelled one. Only the fields a company record
 * has are used: site name, street address, zip, phone, website and email columns.
 */
export function loadChicago(): Labelled<CompanyRecord> {
  const dir = path.join(FIXTURES, 'dedupe_csv_example');
  const truth = new Map<number, string>();
  for (const row of readCsv(path.join(dir, 'csv_example_input_with_true_ids.csv'))) {
    truth.set(Number(row['Id']), row['True Id']!);
  }
  const records: CompanyRecord[] = readCsv(path.join(dir, 'csv_example_messy_input.csv')).map((row) => ({
    id: Number(row['Id']),
    name: row['Site name'] ?? '',
    address: blankToUndefined(row['Address']),
    zip: blankToUndefined(row['Zip']),
    phone: blankToUndefined(row['Phone']),
    website: blankToUndefined(row['Website']),
    emails: blankToUndefined(row['Email Address']) ? [row['Email Address']!] : [],
  }));
  const labels = new Map<number, string>();
  for (const r of records) {
    const label = truth.get(r.id);
    if (label === undefined) throw new Error(`Chicago record ${r.id} has no True Id`);
    labels.set(r.id, label);
  }
  return { records, labels };
}

/** One Febrl file: rec-N-org and rec-N-dup-k are person N. Ids are row numbers plus `idBase`. */
export function loadFebrl(file: string, idBase = 0): Labelled<PersonRecord> {
  const rows = readCsv(path.join(FIXTURES, 'febrl', file));
  const records: PersonRecord[] = [];
  const labels = new Map<number, string>();
  rows.forEach((row, i) => {
    const id = idBase + i;
    const recId = row['rec_id'] ?? '';
    const m = /^rec-(\d+)-/.exec(recId);
    if (!m) throw new Error(`${file}: unexpected rec_id ${recId}`);
    labels.set(id, m[1]!);
    records.push({
      id,
      firstName: blankToUndefined(row['given_name']),
      lastName: blankToUndefined(row['surname']),
      streetNumber: blankToUndefined(row['street_number']),
      address: blankToUndefined(row['address_1']),
      address2: blankToUndefined(row['address_2']),
      city: blankToUndefined(row['suburb']),
      zip: blankToUndefined(row['postcode']),
      state: blankToUndefined(row['state']),
      birthDate: blankToUndefined(row['date_of_birth']),
      nationalId: blankToUndefined(row['soc_sec_id']),
    });
  });
  return { records, labels };
}

export const FEBRL_DEDUPE_FILES = ['dataset1.csv', 'dataset2.csv', 'dataset3.csv'] as const;
