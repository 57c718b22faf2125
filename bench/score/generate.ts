/**
 * A database of N leads for the scoring, search and table benchmarks, written straight into the
 * schema (an import of 250,000 rows takes a minute; these benchmarks are about what comes after).
 * The values are drawn from a seeded generator so every run measures the same data.
 */
import fs from 'node:fs';
import { openDatabase } from '../../src/main/core/db/database';
import { pauseSearchSync, reindex } from '../../src/main/core/search/searchSync';

const FIRST =
  `James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy Matthew Betty Anthony Sandra Mark Ashley
Donald Kimberly Steven Emily Andrew Donna Paul Michelle Joshua Carol Kenneth Amanda Kevin Melissa Brian Deborah
George Stephanie Timothy Rebecca Ronald Sharon Jason Laura Edward Cynthia Jeffrey Dorothy Ryan Amy Jacob Kathleen
Gary Angela Nicholas Shirley Eric Emma Jonathan Brenda Stephen Pamela Larry Nicole Justin Anna Scott Samantha
Brandon Katherine Benjamin Christine Samuel Debra Gregory Rachel Alexander Carolyn Patrick Janet Frank Maria
Raymond Olivia Jack Heather Dennis Helen Jerry Catherine Tyler Diane Aaron Julie Jose Victoria Adam Joyce Nathan
Lauren Henry Kelly Zachary Christina Douglas Ruth Peter Joan Kyle Virginia Noah Judith Ethan Evelyn Jeremy Hannah
Walter Andrea Christian Megan Keith Cheryl Roger Jacqueline Terry Madison Austin Teresa Sean Abigail Gerald Sophia
Carl Martha Harold Sara Dylan Gloria Arthur Janice Lawrence Kathryn Jordan Ann Jesse Isabella Bryan Judy Billy
Charlotte Bruce Julia Gabriel Grace Joe Amber Logan Alice Alan Jean Juan Denise Albert Frances Willie Danielle
Elijah Marilyn Wayne Natalie Randy Beverly Vincent Diana Mason Brittany Roy Theresa Ralph Kayla Bobby Alexis`.split(
    /\s+/,
  );

const LAST =
  `Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson
Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis Robinson
Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell
Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy
Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson
Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross
Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez
Simmons Romero Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant
Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez McDonald
Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford Olson Simpson Porter
Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer Wagner Black Robertson Boyd Rose`.split(
    /\s+/,
  );

const TITLES = [
  'CEO',
  'Chief Executive Officer',
  'President',
  'Owner',
  'Founder',
  'Co-Founder',
  'VP of Operations',
  'Vice President, Sales',
  'SVP Construction',
  'Director of Estimating',
  'Director of Operations',
  'Managing Director',
  'Head of Procurement',
  'Partner',
  'General Manager',
  'Project Manager',
  'Estimator',
  'Superintendent',
  'Office Manager',
  'Foreman',
  'Safety Coordinator',
  'Controller',
  'CFO',
  'COO',
  'Operations Manager',
  'Sales Manager',
  'Account Executive',
  'Service Technician',
  'Assistant Project Manager',
  'Executive Assistant to the CEO',
  'Business Development Manager',
];

const WORDS =
  `Acme Summit Pioneer Apex Liberty Eagle Cornerstone Keystone Granite Pacific Golden Valley Coastal
Frontier Heritage Premier Reliable Precision Sierra Lone Star Evergreen Redwood Bluebonnet Capital Patriot Titan
Horizon Northstar Ironwood Silverline Bayview Canyon Desert Prairie Lakeside Metro Urban Allied United Superior`.split(
    /\s+/,
  );
const TRADES = [
  'Roofing',
  'Electric',
  'Plumbing',
  'HVAC',
  'Construction',
  'Builders',
  'Solar',
  'Concrete',
  'Painting',
  'Landscaping',
];
const INDUSTRIES = [
  'Construction',
  'HVAC',
  'Plumbing',
  'Electrical',
  'Commercial Services',
  'Software',
  'Real Estate',
  null,
];
const STATES = ['CA', 'TX', 'AZ', 'NV', 'FL', 'WA', 'OR', 'CO'];
const SOURCES = ['import', 'import', 'import', 'connection', 'search', 'company_page'];

/** Mulberry32: small, fast, seeded. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes a fresh database with `contacts` leads at contacts/3 companies, indexed for search. */
export function buildLeadsDb(file: string, contacts: number, seed = 7): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const db = openDatabase(file);
  const random = rng(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const now = '2026-11-01T00:00:00.000Z';
  db.transaction(() => {
    pauseSearchSync(db);
    const batch = db
      .prepare(`INSERT INTO import_batches (file_name, format, created_at) VALUES ('bench.csv', 'csv', ?)`)
      .run(now).lastInsertRowid as number;
    const company = db.prepare(
      `INSERT INTO companies (id, name, name_key, domain, city, state, industry, employee_count, icp_score, icp_tier, created_batch_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const companies = Math.max(1, Math.round(contacts / 3));
    for (let id = 1; id <= companies; id++) {
      const name = `${pick(WORDS)} ${pick(WORDS)} ${pick(TRADES)} ${id}`;
      const key = name.toLowerCase();
      const icp = random() < 0.4 ? Math.round(random() * 100) : null;
      company.run(
        id,
        name,
        key,
        `${key.replace(/[^a-z0-9]/g, '')}.com`,
        pick(['Austin', 'Dallas', 'Fresno', 'Phoenix', 'Reno', 'Tampa', 'Denver', 'Eugene']),
        pick(STATES),
        pick(INDUSTRIES),
        random() < 0.3 ? null : Math.round(Math.exp(random() * 7)),
        icp,
        icp === null ? null : icp >= 80 ? 'PLATINUM' : icp >= 60 ? 'GOLD' : icp >= 40 ? 'SILVER' : 'BRONZE',
        batch,
        now,
        now,
      );
    }
    const contact = db.prepare(
      `INSERT INTO contacts (id, company_id, first_name, last_name, full_name, name_key, title, email, linkedin_url, linkedin_key, discovery_source, created_batch_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let id = 1; id <= contacts; id++) {
      const first = pick(FIRST);
      const last = pick(LAST);
      const companyId = 1 + Math.floor(random() * companies);
      const slug = random() < 0.5 ? `${first}-${last}-${id}`.toLowerCase() : null;
      contact.run(
        id,
        companyId,
        first,
        last,
        `${first} ${last}`,
        `${first} ${last}`.toLowerCase(),
        pick(TITLES),
        random() < 0.6 ? `${first}.${last}${id}@company${companyId}.com`.toLowerCase() : null,
        slug ? `https://www.linkedin.com/in/${slug}` : null,
        slug,
        pick(SOURCES),
        batch,
        now,
        now,
      );
    }
    reindex(db, { createdByBatch: batch });
  })();
  db.close();
}
