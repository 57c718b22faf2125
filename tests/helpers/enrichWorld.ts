import type { DnsZone } from '../fakes/fakeDns';
import type { FakeCompany } from '../fakes/fakeHunter';
import type { SeedPerson } from './exportSeed';

/**
 * A small market for enrichment tests, the e2e test and the tour: what Hunter knows of each
 * company, what DNS says of its domain, and the seller's rows (no emails).
 *  - acme.com: Hunter lists Ann Lee, verified, and the pattern first.last → Bob is guessed from it.
 *  - brightroofing.com: Hunter lists nobody and knows no pattern; cara.diaz@ exists, so the
 *    verifier confirms the best guess and teaches the domain to Dan.
 *  - foxfencing.com: catch-all; nothing can be confirmed there.
 *  - deltamech.com: no MX record: no credit is spent, and guesses are risky.
 *  - Corner Electric has no website: cornerelectric.com is guessed from the name (DNS has its MX).
 */
export const WORLD_COMPANIES: FakeCompany[] = [
  {
    domain: 'acme.com',
    organization: 'Acme Plumbing',
    pattern: '{first}.{last}',
    people: [
      {
        firstName: 'Ann',
        lastName: 'Lee',
        email: 'ann.lee@acme.com',
        position: 'CEO',
        seniority: 'executive',
        confidence: 97,
        verification: 'valid',
      },
    ],
  },
  {
    domain: 'brightroofing.com',
    organization: 'Bright Roofing',
    pattern: null,
    people: [],
    mailboxes: ['cara.diaz@brightroofing.com', 'dan.wu@brightroofing.com'],
  },
  { domain: 'foxfencing.com', organization: 'Fox Fencing', pattern: null, acceptAll: true, people: [] },
  { domain: 'cornerelectric.com', organization: 'Corner Electric', pattern: '{f}{last}', people: [] },
];

const mx = (domain: string) => ({ mx: [{ priority: 10, exchange: `mx.${domain}` }] });

export const WORLD_ZONE: DnsZone = {
  'acme.com': mx('acme.com'),
  'brightroofing.com': mx('brightroofing.com'),
  'foxfencing.com': mx('foxfencing.com'),
  'cornerelectric.com': mx('cornerelectric.com'),
  // deltamech.com has an A record but no MX: it takes no mail.
  'deltamech.com': { a: ['192.0.2.20'] },
};

export const WORLD_PEOPLE: SeedPerson[] = [
  { first: 'Ann', last: 'Lee', title: 'CEO', company: 'Acme Plumbing', website: 'https://www.acme.com' },
  {
    first: 'Bob',
    last: 'Stone',
    title: 'VP Sales',
    company: 'Acme Plumbing',
    website: 'https://www.acme.com',
  },
  { first: 'Cara', last: 'Diaz', title: 'Owner', company: 'Bright Roofing', website: 'brightroofing.com' },
  { first: 'Dan', last: 'Wu', title: 'President', company: 'Bright Roofing', website: 'brightroofing.com' },
  { first: 'Fay', last: 'Ng', title: 'Owner', company: 'Fox Fencing', website: 'https://foxfencing.com' },
  { first: 'Dee', last: 'Park', title: 'Founder', company: 'Delta Mechanical', website: 'deltamech.com' },
  { first: 'Cy', last: 'Mora', title: 'President', company: 'Corner Electric' },
];
