import { wordTokens } from './fold';

/**
 * Legal-form words removed from the end of a company name (and of each part of it, see
 * `companyNameTokens`). Spellings after `wordTokens`, so "L.L.C." arrives here as "llc".
 */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  // United States and the English-speaking world
  'inc',
  'incorporated',
  'llc',
  'lc',
  'llp',
  'lllp',
  'pllc',
  'plc',
  'lp',
  'ltd',
  'limited',
  'corp',
  'corporation',
  'co',
  'company',
  'cos',
  'companies',
  'pc',
  'pa',
  'pty',
  'ptyltd',
  'ulc',
  // Europe and elsewhere
  'gmbh',
  'mbh',
  'ag',
  'kg',
  'gmbhcokg',
  'ug',
  'ohg',
  'sa',
  'sas',
  'sarl',
  'sl',
  'sll',
  'srl',
  'spa',
  'bv',
  'nv',
  'vof',
  'oy',
  'oyj',
  'ab',
  'asa',
  'aps',
  'sro',
  'kft',
  'zrt',
  'bhd',
  'sdn',
  'pvt',
  'pte',
  'kk',
]);

/** Words that carry no identity anywhere in a name. */
const NOISE_WORDS: ReadonlySet<string> = new Set(['the', 'dba', 'aka', 'fka']);

/**
 * Abbreviations read as their full word, so "Intl Svcs Assn" and "International Services
 * Association" meet. Only unambiguous ones: "st" is Saint in a company name (streets are handled
 * by the address normaliser).
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: 'saint',
  ste: 'sainte',
  mt: 'mount',
  ft: 'fort',
  ctr: 'center',
  cntr: 'center',
  centre: 'center',
  svc: 'service',
  svcs: 'services',
  srvc: 'service',
  srvcs: 'services',
  assn: 'association',
  assoc: 'association',
  intl: 'international',
  natl: 'national',
  mfg: 'manufacturing',
  dev: 'development',
  devel: 'development',
  bros: 'brothers',
  dept: 'department',
  univ: 'university',
  inst: 'institute',
  tech: 'technology',
  techs: 'technologies',
  mgmt: 'management',
  mgt: 'management',
  grp: 'group',
  hldgs: 'holdings',
  inds: 'industries',
  elec: 'electric',
  engr: 'engineering',
  constr: 'construction',
  contr: 'contractors',
  sys: 'systems',
  labs: 'laboratories',
  lab: 'laboratory',
  hosp: 'hospital',
  med: 'medical',
  amer: 'american',
};

/**
 * Separators that end one part of a name: "Acme, Inc. - Dallas Branch" has two parts, and each
 * loses its own legal suffix.
 */
const PART_SEPARATORS = /\s[-–—]\s|[,;:/|()[\]{}]/;

function stripTrailingLegal(tokens: string[]): string[] {
  let end = tokens.length;
  // Keep at least one word: a company called "Company" or "The Limited" keeps its name.
  while (end > 1 && (LEGAL_SUFFIXES.has(tokens[end - 1]!) || tokens[end - 1] === 'and')) end--;
  // "Smith & Co" lost "co"; the dangling "and" went with it above. "Pty Ltd", "GmbH & Co KG" too.
  return end === tokens.length ? tokens : tokens.slice(0, end);
}

/**
 * The words of a company name as compared: folded case and accents, punctuation removed, `&`
 * read as "and", abbreviations expanded, legal suffixes removed from the end of each part, and
 * noise words ("the", "dba") dropped. Deterministic: the same name always gives the same words.
 */
export function companyNameTokens(raw: string | null | undefined): string[] {
  if (!raw) return [];
  const out: string[] = [];
  let onlyLegal: string[] | undefined;
  for (const part of raw.split(PART_SEPARATORS)) {
    const tokens = wordTokens(part)
      .filter((t) => !NOISE_WORDS.has(t))
      .map((t) => ABBREVIATIONS[t] ?? t);
    if (tokens.length === 0) continue;
    const kept = stripTrailingLegal(tokens);
    // A part that is only a legal form ("Acme, Inc.") contributes nothing, unless it is all there is.
    if (kept.length === 1 && LEGAL_SUFFIXES.has(kept[0]!)) {
      onlyLegal ??= kept;
      continue;
    }
    out.push(...kept);
  }
  return out.length > 0 ? out : (onlyLegal ?? []);
}

/** `companyNameTokens` joined by single spaces: the key two spellings of one company share. */
export function companyNameKey(raw: string | null | undefined): string {
  return companyNameTokens(raw).join(' ');
}
