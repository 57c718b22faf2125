import { describe, expect, it } from 'vitest';
import { BlockIndex, KeyStore } from '../../../src/main/core/dedupe/blocking';
import { companyBlockingKeys } from '../../../src/main/core/dedupe/blockingKeys';
import { clusterLinks, groupClusters } from '../../../src/main/core/dedupe/cluster';
import { prepareCompany, type CompanyRecord } from '../../../src/main/core/dedupe/records';
import { createCompanyIndex, resolveCompanies } from '../../../src/main/core/dedupe/resolve';

function candidatesOf(store: KeyStore, index: BlockIndex, slot: number): number[] {
  const out: number[] = [];
  index.forEachCandidate(store.keysOf(slot), slot, (s) => out.push(s));
  return out.sort((a, b) => a - b);
}

describe('blocking', () => {
  it('puts an obvious pair (reformatted phone, changed suffix, one typo) in a shared block', () => {
    const a = prepareCompany({ id: 1, name: 'Acme Roofing LLC', phone: '(512) 555-0100', zip: '78701' });
    const b = prepareCompany({ id: 2, name: 'ACME ROOFNG, INC.', phone: '+1 512.555.0100', zip: '78701' });
    const shared = companyBlockingKeys(a).filter((k) => companyBlockingKeys(b).includes(k));
    expect(shared).toEqual(expect.arrayContaining(['p:5550100', 't:acme']));
    const store = new KeyStore();
    store.push(companyBlockingKeys(a));
    store.push(companyBlockingKeys(b));
    expect(candidatesOf(store, BlockIndex.build(store, 64), 1)).toEqual([0]);
  });

  it('caps a giant block (a switchboard shared by 500 records) and still finds pairs through other keys', () => {
    const store = new KeyStore();
    for (let i = 0; i < 500; i++) store.push(['p:5550100', `t:company${i % 250}`]);
    const index = BlockIndex.build(store, 64);
    expect(index.block('p:5550100')).toBeNull();
    expect(index.stats()).toMatchObject({ records: 500, cappedKeys: 1, cappedMembers: 500 });
    // Slot 260 shares only its name word with slot 10: one candidate, not 259.
    expect(candidatesOf(store, index, 260)).toEqual([10]);
  });

  it('produces each pair once, in either order of arrival', () => {
    const store = new KeyStore();
    for (let i = 0; i < 5; i++) store.push(['x']);
    const index = BlockIndex.build(store, 64);
    const pairs: string[] = [];
    for (let s = 0; s < 5; s++) index.forEachCandidate(store.keysOf(s), s, (o) => pairs.push(`${o}-${s}`));
    expect(pairs).toHaveLength(10);
    expect(new Set(pairs).size).toBe(10);
  });
});

describe('clustering', () => {
  it('joins links transitively', () => {
    const { clusterOf, refused } = clusterLinks({
      count: 4,
      links: [
        { a: 0, b: 1, score: 95 },
        { a: 1, b: 2, score: 92 },
      ],
    });
    expect(refused).toEqual([]);
    expect(groupClusters(clusterOf)).toEqual([[0, 1, 2]]);
  });

  it('refuses a chain that would join two confidently different records', () => {
    // "Acme Dallas" ~ "Acme" ~ "Acme Austin", but Dallas and Austin are known apart.
    const { clusterOf, refused } = clusterLinks({
      count: 3,
      links: [
        { a: 0, b: 1, score: 95 },
        { a: 1, b: 2, score: 91 },
      ],
      cannotLink: [0, 2],
    });
    expect(refused).toEqual([{ a: 1, b: 2, score: 91 }]);
    expect(groupClusters(clusterOf)).toEqual([[0, 1]]);
  });

  it('the stronger link wins a conflict', () => {
    const { clusterOf } = clusterLinks({
      count: 3,
      links: [
        { a: 0, b: 1, score: 91 },
        { a: 1, b: 2, score: 99 },
      ],
      cannotLink: [0, 2],
    });
    expect(groupClusters(clusterOf)).toEqual([[1, 2]]);
  });

  it('never merges two anchors (existing records) through a new one', () => {
    const { clusterOf, refused } = clusterLinks({
      count: 3,
      links: [
        { a: 2, b: 0, score: 95 },
        { a: 2, b: 1, score: 93 },
      ],
      isAnchor: (slot) => slot < 2,
    });
    expect(refused).toHaveLength(1);
    expect(groupClusters(clusterOf)).toEqual([[0, 2]]);
  });
});

describe('resolving companies', () => {
  const existing: CompanyRecord[] = [
    { id: 1, name: 'Acme Roofing LLC', phone: '512-555-0100', address: '100 Main St', zip: '78701' },
    { id: 2, name: 'Zenith Dental Care', phone: '512-555-0100', address: '5 Elm St', zip: '78701' },
  ];

  it('matches new records against existing ones and each other', () => {
    const result = resolveCompanies({
      existing,
      incoming: [
        {
          id: 10,
          name: 'ACME ROOFING, INC.',
          phone: '(512) 555-0100',
          address: '100 Main Street',
          zip: '78701',
        },
        { id: 11, name: 'Brand New Co', phone: '214-555-0111' },
        { id: 12, name: 'Brand New Company', phone: '214.555.0111' },
      ],
    });
    expect(result.clusters).toEqual([
      [1, 10],
      [11, 12],
    ]);
    const pair = result.pairs.find((p) => p.a === 10 && p.b === 1);
    expect(pair?.decision).toBe('same');
    expect(result.pairs.some((p) => p.b === 2)).toBe(false);
    expect(result.stats).toMatchObject({ existing: 2, incoming: 3, samePairs: 2 });
  });

  it('looks one record up in an index of existing ones', () => {
    const index = createCompanyIndex(existing);
    const matches = index.match({ id: 99, name: 'Acme Roofing', phone: '5125550100' });
    expect(matches.map((m) => [m.b, m.decision])).toEqual([[1, 'same']]);
    expect(index.match({ id: 98, name: 'Nobody Known', phone: '9035550000' })).toEqual([]);
  });
});
