import type { EnrichContactInput } from '../../src/main/core/enrich/enrichTypes';
import type { DnsZone } from './fakeDns';
import type { FakeCompany } from './fakeHunter';
import { seededRandom } from './fakeTime';

const FIRST = [
  'James',
  'Maria',
  'Robert',
  'Linda',
  'Michael',
  'Sarah',
  'David',
  'Karen',
  'Daniel',
  'Nancy',
  'Paul',
  'Emma',
  'Mark',
  'Olivia',
  'Steven',
  'Grace',
];
const LAST = [
  'Smith',
  'Johnson',
  'Garcia',
  'Miller',
  'Davis',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Moore',
  'Martin',
  'Clark',
  'Lewis',
  'Walker',
  'Young',
  'Hall',
  'Allen',
  'King',
];
const WORDS = [
  'Summit',
  'Pioneer',
  'Evergreen',
  'Harbor',
  'Granite',
  'Cedar',
  'Liberty',
  'Keystone',
  'Prairie',
  'Atlas',
];
const TRADES = ['Roofing', 'Electric', 'Plumbing', 'Builders', 'Solar', 'Concrete', 'Mechanical', 'Paving'];
const TITLES = ['CEO', 'President', 'Owner', 'VP Operations', 'Director of Sales', 'Founder', 'COO'];
const PATTERNS: [string, (f: string, l: string) => string][] = [
  ['{first}.{last}', (f, l) => `${f}.${l}`],
  ['{first}{last}', (f, l) => `${f}${l}`],
  ['{f}{last}', (f, l) => `${f[0]}${l}`],
  ['{first}', (f) => f],
  ['{f}.{last}', (f, l) => `${f[0]}.${l}`],
];

export interface GeneratedDataset {
  companies: FakeCompany[];
  contacts: EnrichContactInput[];
  zone: DnsZone;
}

/**
 * A reproducible market: `companyCount` companies with `perCompany` contacts each. Hunter knows
 * about 60% of the people (all verified) and the pattern of most domains; one company in ten has no
 * website on the contact rows, so its domain must be guessed from the name (and DNS has it).
 */
export function generateDataset(seed: number, companyCount: number, perCompany: number): GeneratedDataset {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const companies: FakeCompany[] = [];
  const contacts: EnrichContactInput[] = [];
  const zone: DnsZone = {};
  for (let c = 0; c < companyCount; c++) {
    const name = `${pick(WORDS)} ${pick(TRADES)} ${c + 1}`;
    const domain = `${name.toLowerCase().replace(/\s+/g, '')}.com`;
    const [template, render] = PATTERNS[c % PATTERNS.length]!;
    const company: FakeCompany = {
      domain,
      organization: name,
      pattern: c % 7 === 6 ? null : template,
      acceptAll: c % 11 === 10,
      people: [],
    };
    const usedNames = new Set<string>();
    for (let p = 0; p < perCompany; p++) {
      let first = pick(FIRST);
      let last = pick(LAST);
      while (usedNames.has(`${first} ${last}`)) {
        first = pick(FIRST);
        last = pick(LAST);
      }
      usedNames.add(`${first} ${last}`);
      const email = `${render(first.toLowerCase(), last.toLowerCase())}@${domain}`;
      if (random() < 0.6) {
        company.people.push({
          firstName: first,
          lastName: last,
          email,
          position: pick(TITLES),
          seniority: random() < 0.5 ? 'executive' : 'senior',
          confidence: 80 + Math.floor(random() * 20),
          verification: 'valid',
        });
      } else {
        (company.mailboxes ??= []).push(email);
      }
      contacts.push({
        id: `${c + 1}-${p + 1}`,
        firstName: first,
        lastName: last,
        company: name,
        website: c % 10 === 9 ? null : `https://www.${domain}/`,
        score: Math.floor(random() * 100),
      });
    }
    companies.push(company);
    zone[domain] = { mx: [{ priority: 10, exchange: `mx.${domain}` }], a: ['192.0.2.10'] };
  }
  return { companies, contacts, zone };
}
