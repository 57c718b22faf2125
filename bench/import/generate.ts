/**
 * Writes benchmark inputs of the real files' size and shape (they are not shipped): a headerless
 * CSLB License Master CSV (52 columns, ~300 bytes a row) and a 15-column XLSX contact list.
 * Deterministic for a given seed, so runs are comparable.
 */
import fs from 'node:fs';
import ExcelJS from 'exceljs';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'PACIFIC',
  'GOLDEN',
  'STATE',
  'SIERRA',
  'COASTAL',
  'VALLEY',
  'SUMMIT',
  'REDWOOD',
  'BAY',
  'DESERT',
  'MISSION',
  'CENTRAL',
  'NORTH',
  'WEST',
  'PREMIER',
  'ALLIED',
  'ACE',
  'BRIGHT',
  'SOLAR',
  'UNITED',
];
// Surnames and given names: most real roster entries are named after their owner.
const SURNAMES = [
  'GARCIA',
  'NGUYEN',
  'SMITH',
  'JOHNSON',
  'LOPEZ',
  'MARTINEZ',
  'KIM',
  'PATEL',
  'BROWN',
  'DAVIS',
  'MILLER',
  'WILSON',
  'MOORE',
  'TAYLOR',
  'ANDERSON',
  'THOMAS',
  'JACKSON',
  'WHITE',
  'HARRIS',
  'MARTIN',
  'THOMPSON',
  'RAMIREZ',
  'LEE',
  'WALKER',
  'HALL',
  'ALLEN',
  'YOUNG',
  'HERNANDEZ',
  'KING',
  'WRIGHT',
  'SCOTT',
  'TORRES',
  'HILL',
  'GREEN',
  'ADAMS',
  'BAKER',
  'NELSON',
  'CARTER',
  'MITCHELL',
  'PEREZ',
  'ROBERTS',
  'TURNER',
  'PHILLIPS',
  'CAMPBELL',
  'PARKER',
  'EVANS',
  'EDWARDS',
  'COLLINS',
  'STEWART',
  'SANCHEZ',
  'MORRIS',
  'ROGERS',
  'REED',
  'COOK',
  'MORGAN',
  'BELL',
  'MURPHY',
  'BAILEY',
  'RIVERA',
  'COOPER',
  'RICHARDSON',
  'COX',
  'HOWARD',
  'WARD',
  'PETERSON',
  'GRAY',
  'WATSON',
  'BROOKS',
  'KELLY',
  'SANDERS',
  'PRICE',
  'BENNETT',
  'WOOD',
  'BARNES',
  'ROSS',
  'HENDERSON',
  'COLEMAN',
  'JENKINS',
  'PERRY',
  'POWELL',
  'LONG',
  'PATTERSON',
  'HUGHES',
  'FLORES',
  'WASHINGTON',
  'BUTLER',
  'SIMMONS',
  'FOSTER',
  'GONZALES',
  'BRYANT',
  'ALEXANDER',
  'RUSSELL',
  'GRIFFIN',
  'DIAZ',
  'HAYES',
  'MYERS',
  'FORD',
  'HAMILTON',
  'GRAHAM',
  'SULLIVAN',
  'WALLACE',
  'WOODS',
  'COLE',
  'WEST',
  'JORDAN',
  'OWENS',
  'REYNOLDS',
  'FISHER',
  'ELLIS',
  'HARRISON',
  'GIBSON',
  'MCDONALD',
  'CRUZ',
  'MARSHALL',
  'ORTIZ',
  'GOMEZ',
  'MURRAY',
  'FREEMAN',
  'WELLS',
  'WEBB',
  'SIMPSON',
  'STEVENS',
  'TUCKER',
  'PORTER',
  'HUNTER',
  'HICKS',
  'CRAWFORD',
  'HENRY',
  'BOYD',
  'MASON',
  'MORALES',
  'KENNEDY',
  'WARREN',
  'DIXON',
  'RAMOS',
  'REYES',
  'BURNS',
  'GORDON',
  'SHAW',
  'HOLMES',
  'RICE',
  'ROBERTSON',
  'HUNT',
  'BLACK',
  'DANIELS',
  'PALMER',
  'MILLS',
  'NICHOLS',
  'GRANT',
  'KNIGHT',
  'FERGUSON',
  'ROSE',
  'STONE',
  'HAWKINS',
  'DUNN',
  'PERKINS',
  'HUDSON',
  'SPENCER',
  'GARDNER',
  'STEPHENS',
  'PAYNE',
  'PIERCE',
  'BERRY',
  'MATTHEWS',
  'ARNOLD',
  'WAGNER',
  'WILLIS',
  'RAY',
  'WATKINS',
  'OLSON',
  'CARROLL',
  'DUNCAN',
  'SNYDER',
  'HART',
  'CUNNINGHAM',
  'BRADLEY',
  'LANE',
  'ANDREWS',
  'RUIZ',
  'HARPER',
  'FOX',
  'RILEY',
  'ARMSTRONG',
  'CARPENTER',
  'WEAVER',
  'GREENE',
  'LAWRENCE',
  'ELLIOTT',
  'CHAVEZ',
  'SIMS',
  'AUSTIN',
  'PETERS',
  'KELLEY',
  'FRANKLIN',
  'LAWSON',
];
const GIVEN = [
  'JOHN',
  'MARIA',
  'JOSE',
  'JAMES',
  'ROBERT',
  'MICHAEL',
  'DAVID',
  'WILLIAM',
  'RICHARD',
  'JUAN',
  'CARLOS',
  'LUIS',
  'DANIEL',
  'THOMAS',
  'MARK',
  'PAUL',
  'STEVEN',
  'KEVIN',
  'BRIAN',
  'JASON',
  'JEFFREY',
  'RYAN',
  'GARY',
  'ERIC',
  'SCOTT',
  'ANTHONY',
  'JORGE',
  'MIGUEL',
  'ANNA',
  'LINDA',
];
const TRADES = [
  'ELECTRIC',
  'CONSTRUCTION',
  'PLUMBING',
  'ROOFING',
  'BUILDERS',
  'ENERGY',
  'HVAC',
  'CONCRETE',
  'PAINTING',
  'LANDSCAPE',
];
const SUFFIX = ['INC', 'LLC', 'CORP', 'CO', '', '', 'INCORPORATED'];
const CITIES: [string, string, string][] = [
  ['LOS ANGELES', 'Los Angeles', '900'],
  ['SAN DIEGO', 'San Diego', '921'],
  ['FRESNO', 'Fresno', '937'],
  ['SACRAMENTO', 'Sacramento', '958'],
  ['OAKLAND', 'Alameda', '946'],
  ['SAN JOSE', 'Santa Clara', '951'],
  ['RIVERSIDE', 'Riverside', '925'],
  ['IRVINE', 'Orange', '926'],
];
const CLASSES = ['B', 'C-10', 'C-36', 'C-20', 'C-46', 'C57', 'C-7', 'A', 'C-39'];
const pick = <T>(r: () => number, a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
const pad = (n: number, w: number) => String(n).padStart(w, '0');
const date = (r: () => number) =>
  `${pad(1 + Math.floor(r() * 12), 2)}/${pad(1 + Math.floor(r() * 28), 2)}/${2010 + Math.floor(r() * 15)}`;
const csvCell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One CSLB License Master row in the official 52-column order. */
export function cslbRow(i: number, r: () => number): string[] {
  const [city, county, zip3] = pick(r, CITIES);
  const soleOwner = r() < 0.45;
  const name = soleOwner
    ? `${pick(r, SURNAMES)} ${pick(r, GIVEN)} ${String.fromCharCode(65 + Math.floor(r() * 26))}`
    : `${pick(r, r() < 0.5 ? SURNAMES : WORDS)} ${pick(r, SURNAMES)} ${pick(r, TRADES)} ${pick(r, SUFFIX)}`.trim();
  const row = new Array<string>(52).fill('');
  row[0] = String(1_000_000 + i);
  row[1] = date(r);
  row[2] = name;
  row[4] = r() < 0.3 ? name : '';
  row[5] = `${100 + Math.floor(r() * 9900)} ${pick(r, WORDS)} ${pick(r, ['STREET', 'AVE', 'BLVD', 'DRIVE', 'WAY'])}`;
  row[6] = city;
  row[7] = 'CA';
  row[8] = county;
  row[9] = `${zip3}${pad(Math.floor(r() * 100), 2)}`;
  row[11] = `(${pick(r, ['213', '310', '415', '510', '619', '714', '818', '916', '949'])}) ${200 + Math.floor(r() * 800)} ${pad(Math.floor(r() * 10000), 4)}`;
  row[12] = pick(r, ['Sole Owner', 'Corporation', 'Limited Liability', 'Partnership']);
  row[13] = date(r);
  row[15] = date(r);
  row[21] = pick(r, ['CLEAR', 'CLEAR', 'CLEAR', 'Work Comp Susp', 'Expired']);
  row[23] = Array.from({ length: 1 + Math.floor(r() * 3) }, () => pick(r, CLASSES)).join('| ');
  row[25] = pick(r, ['Exempt', "Workers' Compensation Insurance"]);
  row[26] = r() < 0.5 ? 'STATE COMPENSATION INSURANCE FUND' : '';
  row[27] = r() < 0.5 ? ` ${Math.floor(r() * 1e7)}` : '';
  row[28] = ` ${date(r)}`;
  row[32] = pick(r, [
    'AMERICAN CONTRACTORS INDEMNITY COMPANY',
    'HUDSON INSURANCE COMPANY',
    'NAVIGATORS INSURANCE COMPANY',
  ]);
  row[33] = String(Math.floor(r() * 1e8));
  row[34] = date(r);
  row[36] = '15000';
  row[51] = r() < 0.2 ? 'Principal Name' : '';
  return row;
}

export async function writeCslbCsv(file: string, rows: number, seed = 42): Promise<number> {
  const r = rng(seed);
  const out = fs.createWriteStream(file);
  let buffer = '';
  for (let i = 0; i < rows; i++) {
    buffer += `${cslbRow(i, r).map(csvCell).join(',')}${i < rows - 1 ? '\r\n' : ''}`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = '';
    }
  }
  out.write(buffer);
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return fs.statSync(file).size;
}

export const XLSX_HEADERS = [
  'First Name',
  'Last Name',
  'Title',
  'Company',
  'Email',
  'Phone',
  'Website',
  'City',
  'State',
  'Zip',
  'Industry',
  'Employees',
  'LinkedIn URL',
  'Lead Source',
  'Notes',
];

export async function writeContactsXlsx(file: string, rows: number, seed = 7): Promise<number> {
  const r = rng(seed);
  const first = [
    'Ann',
    'Bob',
    'Carla',
    'Dev',
    'Elena',
    'Farid',
    'Grace',
    'Hiro',
    'Ines',
    'Jamal',
    'Kim',
    'Luis',
  ];
  const last = ['Lee', 'Garcia', 'Smith', 'Nguyen', 'Patel', 'Brown', 'Khan', 'Lopez', 'Müller', "O'Brien"];
  const titles = [
    'CEO',
    'VP Sales',
    'Director of Operations',
    'Owner',
    'Office Manager',
    'Head of Growth',
    'Estimator',
  ];
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false,
  });
  const sheet = workbook.addWorksheet('Contacts');
  sheet.addRow(XLSX_HEADERS).commit();
  for (let i = 0; i < rows; i++) {
    const company = `${pick(r, WORDS)} ${pick(r, TRADES)} ${i % 5000}`;
    const domain = `${company.toLowerCase().replace(/[^a-z0-9]+/g, '')}.com`;
    const fn = pick(r, first);
    const ln = pick(r, last);
    const [city] = pick(r, CITIES);
    sheet
      .addRow([
        fn,
        ln,
        pick(r, titles),
        company,
        `${fn}.${ln}${i}@${domain}`
          .toLowerCase()
          .normalize('NFKD')
          .replace(/[^\x20-\x7e]/g, '')
          .replace("'", ''),
        `(415) ${200 + (i % 800)}-${pad(i % 10000, 4)}`,
        `https://www.${domain}`,
        city,
        'CA',
        94000 + (i % 900),
        pick(r, ['Construction', 'Energy', 'Software']),
        10 + (i % 900),
        `https://www.linkedin.com/in/${fn}-${ln}-${i}`.toLowerCase(),
        'Segment list',
        '',
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
  return fs.statSync(file).size;
}
