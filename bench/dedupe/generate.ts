import type { CompanyRecord } from '../../src/main/core/dedupe/records';

/**
 * Synthetic companies shaped like a state contractor-licence roster (name, phone, website,
 * street address, city, state, zip, licence number), with planted near-duplicates: the speed
 * benchmark's data. Deterministic for a seed.
 */

/** mulberry32: a small, fast, seedable PRNG, so every run sees the same records. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES =
  `smith johnson williams brown jones garcia miller davis rodriguez martinez hernandez lopez gonzalez
wilson anderson thomas taylor moore jackson martin lee perez thompson white harris sanchez clark ramirez lewis
robinson walker young allen king wright scott torres nguyen hill flores green adams nelson baker hall rivera
campbell mitchell carter roberts gomez phillips evans turner diaz parker cruz edwards collins reyes stewart morris
morales murphy cook rogers gutierrez ortiz morgan cooper peterson bailey reed kelly howard ramos kim cox ward
richardson watson brooks chavez wood james bennett gray mendoza ruiz hughes price alvarez castillo sanders patel
myers long ross foster jimenez powell jenkins perry russell sullivan bell coleman butler henderson barnes gonzales
fisher vasquez simmons romero jordan patterson alexander hamilton graham reynolds griffin wallace moreno west cole
hayes bryant herrera gibson ellis tran medina aguilar stevens murray ford castro marshall owens harrison fernandez
mcdonald woods washington kennedy wells vargas henry chen freeman webb tucker guzman burns crawford olson simpson
porter hunter gordon mendez silva shaw snyder mason dixon munoz hunt hicks holmes palmer wagner black robertson
boyd rose stone salazar fox warren mills meyer rice schmidt garza daniels ferguson nichols stephens soto weaver
ryan gardner payne grant dunn kelley spencer hawkins arnold pierce vazquez hansen peters santos hart bradley knight
elliott cunningham duncan armstrong hudson carroll lane riley andrews alvarado ray delgado berry perkins hoffman
johnston matthews pena richards contreras willis carpenter lawrence sandoval guerrero george chapman rios estrada
ortega watkins greene nunez wheeler valdez harper burke larson santiago maldonado morrison franklin carlson austin
dominguez carr lawson jacobs obrien lynch singh vega bishop montgomery oliver jensen harvey williamson gilbert dean
sims espinoza howell li wong reid hanson le mccoy garrett burton fuller wang weber welch rojas lucas marquez fields
park yang little banks padilla day walsh bowman schultz luna fowler mejia davidson acosta brewer may holland juarez
newman pearson curtis cortez douglas schneider joseph barrett navarro figueroa keller avila wade molina stanley
hopkins campos barnett bates chambers caldwell beck lambert miranda byrd craig ayala lowe frazier powers neal leonard`
    .split(/\s+/)
    .filter(Boolean);

const PLACES =
  `lone star texas gulf coast hill country alamo capitol bluebonnet longhorn pecos brazos red river
panhandle prairie metro city central north south east west valley mesa canyon summit pioneer heritage liberty
eagle falcon hawk cardinal patriot frontier premier elite precision quality reliable superior advanced allied
american national united first choice pro master expert classic modern rapid express total complete absolute
integrity legacy trinity cornerstone keystone benchmark landmark horizon sunrise sunset evergreen oak cedar pine
magnolia cypress willow granite iron steel copper silver golden diamond crystal blue green`
    .split(/\s+/)
    .filter(Boolean);

const TRADES = [
  'plumbing',
  'electric',
  'electrical services',
  'air conditioning',
  'heating and air',
  'hvac',
  'mechanical',
  'roofing',
  'construction',
  'builders',
  'contractors',
  'remodeling',
  'restoration',
  'painting',
  'landscaping',
  'irrigation',
  'pool service',
  'fence',
  'concrete',
  'foundation repair',
  'drywall',
  'flooring',
  'tile',
  'glass',
  'windows and doors',
  'solar',
  'energy',
  'fire protection',
  'security systems',
  'low voltage',
  'pest control',
  'septic',
  'well drilling',
  'excavation',
  'paving',
  'masonry',
  'welding',
  'steel erectors',
  'elevator',
  'appliance repair',
  'home services',
  'property services',
  'facility services',
  'refrigeration',
  'controls',
  'backflow',
  'gas services',
  'water heaters',
  'insulation',
  'gutters',
];

const TAILS = [
  '',
  '',
  '',
  '',
  'services',
  'solutions',
  'group',
  'company',
  'and sons',
  'brothers',
  'team',
  'pros',
  'experts',
];
const SUFFIXES = [
  '',
  '',
  'LLC',
  'LLC',
  'Inc',
  'Inc.',
  'Co',
  'Corp',
  'Ltd',
  'L.L.C.',
  'Incorporated',
  'PLLC',
  'LP',
];

const STREETS =
  `main oak maple cedar elm pine walnut washington lake hill park view sunset highland center church
mill spring river ridge forest meadow valley jackson lincoln franklin madison jefferson adams monroe wilson
travis houston austin lamar bowie crockett burnet congress guadalupe lavaca colorado brazos trinity sabine
pecan mesquite live oak magnolia bluebonnet airport industrial commerce market broadway preston beltline
greenville abrams skillman lemmon mckinney harry hines westheimer richmond bellaire kirby shepherd montrose
memorial katy fry gessner wilcrest dairy ashford eldridge kempwood hammerly clay tanner bingle antoine
ella airline aldine imperial cullen scott almeda fannin louisiana milam caroline bagby brazos`
    .split(/\s+/)
    .filter(Boolean);
const STREET_TYPES = [
  'St',
  'Street',
  'Ave',
  'Avenue',
  'Rd',
  'Road',
  'Dr',
  'Drive',
  'Blvd',
  'Ln',
  'Pkwy',
  'Way',
  'Ct',
];
const DIRECTIONS = ['', '', '', 'N', 'S', 'E', 'W'];
const CITIES: [string, string, string][] = [
  ['Houston', '77', '713'],
  ['Dallas', '75', '214'],
  ['San Antonio', '78', '210'],
  ['Austin', '78', '512'],
  ['Fort Worth', '76', '817'],
  ['El Paso', '79', '915'],
  ['Arlington', '76', '682'],
  ['Corpus Christi', '78', '361'],
  ['Plano', '75', '972'],
  ['Laredo', '78', '956'],
  ['Lubbock', '79', '806'],
  ['Irving', '75', '469'],
  ['Garland', '75', '972'],
  ['Frisco', '75', '469'],
  ['McKinney', '75', '214'],
  ['Amarillo', '79', '806'],
  ['Grand Prairie', '75', '972'],
  ['Brownsville', '78', '956'],
  ['Killeen', '76', '254'],
  ['Pasadena', '77', '281'],
  ['Mesquite', '75', '972'],
  ['McAllen', '78', '956'],
  ['Waco', '76', '254'],
  ['Denton', '76', '940'],
  ['Midland', '79', '432'],
  ['Odessa', '79', '432'],
  ['Beaumont', '77', '409'],
  ['Round Rock', '78', '512'],
  ['Tyler', '75', '903'],
  ['Sugar Land', '77', '281'],
];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)]!;
}

function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
}

function title(s: string): string {
  return s.replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

function companyName(r: () => number): string {
  const first =
    r() < 0.55 ? pick(r, SURNAMES) : `${pick(r, PLACES)}${r() < 0.3 ? ` ${pick(r, PLACES)}` : ''}`;
  const owner = r() < 0.15 ? `${pick(r, SURNAMES)} & ${first}` : first;
  const tail = pick(r, TAILS);
  const suffix = pick(r, SUFFIXES);
  return [title(owner), title(pick(r, TRADES)), title(tail), suffix].filter(Boolean).join(' ');
}

function phoneFormat(r: () => number, area: string, local: string): string {
  const ex = local.slice(0, 3);
  const line = local.slice(3);
  switch (Math.floor(r() * 5)) {
    case 0:
      return `(${area}) ${ex}-${line}`;
    case 1:
      return `${area}-${ex}-${line}`;
    case 2:
      return `${area}.${ex}.${line}`;
    case 3:
      return `+1 ${area} ${ex} ${line}`;
    default:
      return `${area}${ex}${line}`;
  }
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(llc|inc|co|corp|ltd|pllc|lp|incorporated|l\.l\.c\.)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

function makeCompany(r: () => number, id: number, domains: Set<string>): CompanyRecord {
  const name = companyName(r);
  const [city, zipPrefix, area] = pick(r, CITIES);
  const local = `${2 + Math.floor(r() * 8)}${digits(r, 6)}`;
  // A domain belongs to one company: a second "Smith Plumbing" gets smithplumbing-austin.com or similar.
  let domain = r() < 0.6 ? `${slug(name).slice(0, 24)}.com` : undefined;
  if (domain && domains.has(domain)) domain = `${slug(name).slice(0, 24)}${slug(city)}${digits(r, 3)}.com`;
  if (domain) domains.add(domain);
  const street = `${1 + Math.floor(r() * 9998)} ${pick(r, DIRECTIONS)} ${title(pick(r, STREETS))} ${pick(r, STREET_TYPES)}`;
  return {
    id,
    name,
    address: `${street.replace(/\s+/g, ' ')}${r() < 0.15 ? ` Suite ${100 + Math.floor(r() * 400)}` : ''}`,
    city,
    state: 'TX',
    zip: `${zipPrefix}${digits(r, 3)}`,
    phone: r() < 0.9 ? phoneFormat(r, area, local) : undefined,
    website: domain && r() < 0.5 ? `https://www.${domain}/` : domain,
    emails: domain && r() < 0.3 ? [`info@${domain}`] : [],
    // Licence numbers are unique per company (derived from the id, as a regulator assigns them).
    licenseNumber: r() < 0.4 ? `TACLA${String(id).padStart(8, '0')}C` : undefined,
  };
}

/** One typo in a word of three letters or more: a swap, a dropped or a doubled letter. */
function typo(r: () => number, text: string): string {
  const words = text.split(' ');
  const candidates = words.map((w, i) => (w.length >= 4 ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const wi = pick(r, candidates);
  const w = words[wi]!;
  const at = 1 + Math.floor(r() * (w.length - 2));
  const kind = Math.floor(r() * 3);
  words[wi] =
    kind === 0
      ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2)
      : kind === 1
        ? w.slice(0, at) + w.slice(at + 1)
        : w.slice(0, at) + w[at] + w.slice(at);
  return words.join(' ');
}

function changeSuffix(r: () => number, name: string): string {
  const bare = name.replace(/\s+(LLC|Inc\.?|Co|Corp|Ltd|L\.L\.C\.|Incorporated|PLLC|LP)$/, '');
  const next = pick(r, ['LLC', 'Inc.', 'Corporation', 'Co.', '', ', LLC', ', Inc.']);
  return next === '' ? bare : next.startsWith(',') ? `${bare}${next}` : `${bare} ${next}`;
}

function reformatPhone(r: () => number, phone: string | undefined): string | undefined {
  if (!phone) return phone;
  const d = phone.replace(/\D/g, '').slice(-10);
  return phoneFormat(r, d.slice(0, 3), d.slice(3));
}

/** A planted near-duplicate: the same company as a second source would write it. */
function nearDuplicate(r: () => number, original: CompanyRecord, id: number): CompanyRecord {
  const copy: CompanyRecord = { ...original, id, emails: [...(original.emails ?? [])] };
  // Every duplicate gets a reformatted phone and a changed suffix or case; half also a typo.
  copy.phone = reformatPhone(r, copy.phone);
  copy.name = r() < 0.7 ? changeSuffix(r, copy.name) : copy.name.toUpperCase();
  if (r() < 0.5) copy.name = typo(r, copy.name);
  if (r() < 0.3 && copy.address)
    copy.address = copy.address.replace(/\bStreet\b/, 'St').replace(/\bAvenue\b/, 'Ave');
  if (r() < 0.2 && copy.address) copy.address = typo(r, copy.address);
  if (r() < 0.3) copy.website = undefined;
  if (r() < 0.3) copy.emails = [];
  if (r() < 0.5) copy.licenseNumber = undefined;
  return copy;
}

export interface GeneratedCompanies {
  existing: CompanyRecord[];
  incoming: CompanyRecord[];
  /** Incoming id → the existing id it is a planted duplicate of. */
  planted: Map<number, number>;
}

/**
 * `existingCount` distinct companies, and `incomingCount` new ones of which `duplicateRate` are
 * near-duplicates of existing companies (the rest are new companies). Ids: existing 1…, incoming
 * from 10,000,000.
 */
export function generateCompanies(
  existingCount: number,
  incomingCount: number,
  duplicateRate = 0.1,
  seed = 42,
): GeneratedCompanies {
  const r = rng(seed);
  const domains = new Set<string>();
  const existing: CompanyRecord[] = [];
  for (let i = 0; i < existingCount; i++) existing.push(makeCompany(r, i + 1, domains));
  const incoming: CompanyRecord[] = [];
  const planted = new Map<number, number>();
  for (let i = 0; i < incomingCount; i++) {
    const id = 10_000_000 + i;
    if (r() < duplicateRate) {
      const original = existing[Math.floor(r() * existing.length)]!;
      incoming.push(nearDuplicate(r, original, id));
      planted.set(id, original.id);
    } else {
      incoming.push(makeCompany(r, id, domains));
    }
  }
  return { existing, incoming, planted };
}
