import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../helpers/importing';
import { saveDiscovered } from '../../../src/main/core/discover/saveDiscovered';
import type { DiscoveredPerson } from '../../../src/main/core/linkedin/types';

/** A Sales Navigator lead-list row: no public profile, and here no company either. */
const lead = (name: string, title = 'Owner'): DiscoveredPerson => ({
  name,
  title,
  profileUrl: null,
  salesNavLeadUrl: `https://www.linkedin.com/sales/lead/${name.replace(/\W/g, '')},NAME_SEARCH,x`,
  location: 'Austin, Texas, United States',
  degree: 3,
  company: null,
  source: 'search',
  via: 'sales_nav_lead_list',
  isAtl: true,
});

describe('saving people found on LinkedIn', () => {
  let t: ReturnType<typeof freshDb>;
  beforeEach(() => (t = freshDb()));
  afterEach(() => t.cleanup());

  const people = (name: string) =>
    t.db
      .prepare('SELECT id, discovery_source, title FROM contacts WHERE full_name = ? AND merged_into IS NULL')
      .all(name) as { id: number; discovery_source: string; title: string | null }[];

  it('a lead with neither a public profile nor a company is found again by name, not added twice', () => {
    const first = saveDiscovered(
      t.db,
      [lead('Tomás Reyes'), lead('Lena Park')],
      null,
      '2026-11-20T10:00:00Z',
    );
    expect(first).toMatchObject({ added: 2 });
    const again = saveDiscovered(
      t.db,
      [lead('Tomás Reyes', 'Founder & Owner'), lead('Lena Park')],
      null,
      '2026-11-21T10:00:00Z',
    );
    expect(again).toMatchObject({ added: 0 });
    expect(people('Tomás Reyes')).toHaveLength(1);
    expect(people('Lena Park')).toHaveLength(1);
  });

  it('does not take a namesake from the seller’s own files for them', () => {
    t.db
      .prepare(
        `INSERT INTO contacts (full_name, name_key, first_name, last_name, discovery_source, created_at, updated_at)
         VALUES ('Lena Park', 'lena park', 'Lena', 'Park', 'import', 'now', 'now')`,
      )
      .run();
    expect(saveDiscovered(t.db, [lead('Lena Park')], null, '2026-11-20T10:00:00Z')).toMatchObject({
      added: 1,
    });
    expect(
      people('Lena Park')
        .map((p) => p.discovery_source)
        .sort(),
    ).toEqual(['import', 'search']);
  });
});
