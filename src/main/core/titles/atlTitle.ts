import { DEFAULT_ATL_KEYWORDS } from '@shared/domain/settings/scoring';

/**
 * Is this job title (or LinkedIn headline) above the line: someone who signs? The default keywords
 * are the architecture's; the seller edits them in Settings. Keywords match whole words, inside one
 * part of the title (parts are split at | , / · • – — and " - "), so "CEOs I coach" is not a CEO
 * and "VP, Operations" is a VP. Choices, each tested:
 *
 * - A keyword that names someone else does not count: "Assistant to the CEO", "EA to the
 *   President", "Director's Assistant", "Owner's Representative" (possessive), "President's Club".
 * - "Assistant"/"Associate" in front demotes: "Assistant Director", "Assistant Vice President"
 *   (AVP is a junior banking title), "Associate Director" are not ATL.
 * - "Vice" right in front makes a deputy: a Vice President is not a President (the "VP" and
 *   "Vice President" keywords are the ones that match VPs), so a title rule for presidents does
 *   not pay VPs.
 * - "Former", "ex-", "retired", "past", "aspiring", "future" in front: not current, not ATL.
 * - "Chief" means a chief officer: "Chief … Officer", "Chief Executive", or a C-level acronym (CFO,
 *   CTO, COO …). "Chief Estimator", "Crew Chief" and "Chief of Staff" are not ATL.
 * - "Owner" and "Partner" must be the role itself, not a modifier: "Owner", "Co-Owner", "Business
 *   Owner", "Managing Partner", "Partner at X" are ATL; "Product Owner", "Partner Manager",
 *   "HR Business Partner", "Channel Partner Manager" are not.
 * - "CEO" also matches "Chief Executive Officer"; "Co-Founder" also "Cofounder"; "VP" also SVP/EVP.
 *
 * Titles in other languages are not understood; a title we cannot read is not ATL.
 */

// The default keywords live with the scoring settings, whose `atlKeywords` default is the same list.
export { DEFAULT_ATL_KEYWORDS };

const C_LEVEL = new Set([
  'ceo',
  'cfo',
  'coo',
  'cto',
  'cmo',
  'cro',
  'cio',
  'cso',
  'cpo',
  'cco',
  'cdo',
  'cao',
  'chro',
  'cxo',
]);
const NOT_CURRENT = new Set(['former', 'ex', 'retired', 'past', 'aspiring', 'future', 'wannabe']);
const DEMOTING = new Set(['assistant', 'asst', 'associate', 'assoc']);
/** "<support role> to …": the keyword after it is the boss, not this person. */
const SUPPORT_ROLES = new Set([
  'assistant',
  'asst',
  'secretary',
  'advisor',
  'adviser',
  'aide',
  'consultant',
  'coach',
  'ea',
  'pa',
  'reporting',
  'reports',
]);
/** Words that may follow "owner"/"partner" when it is still the role ("Partner at Smith LLP"). */
const ROLE_FOLLOWERS = new Set(['at', 'of', 'in', 'and', 'with', 'operator', 'for']);
/** Words that belong to the title in front of a keyword; "before" is judged in front of them. */
const TITLE_PREFIXES = new Set([
  'vice',
  'co',
  'senior',
  'sr',
  'executive',
  'exec',
  'managing',
  'general',
  'group',
  'regional',
  'national',
  'global',
  'founding',
  'interim',
  'acting',
]);
/** Phrases where owner/partner is a job of its own below the line. */
const NOT_ROLE_PHRASES = [
  ['product', 'owner'],
  ['process', 'owner'],
  ['service', 'owner'],
  ['business', 'partner'],
  ['channel', 'partner'],
];
/** Keywords spelled more than one way; each spelling is a token sequence. */
const ALIASES: Record<string, string[][]> = {
  ceo: [['ceo'], ['chief', 'executive', 'officer'], ['chief', 'executive']],
  vp: [['vp'], ['svp'], ['evp']],
  'co founder': [['co', 'founder'], ['cofounder']],
  founder: [['founder'], ['cofounder']],
};

/** Lower case, accents off, `&` as "and", hyphens and dots as spaces, "'s" kept as its own token. */
function tokens(part: string): string[] {
  return part
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/'s\b/g, " 's ")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/'(?!s\b)/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

interface TitlePart {
  text: string;
  words: string[];
}

function parts(title: string): TitlePart[] {
  return title
    .split(/\s[-–—]\s|[|,/·•–—;:()[\]]/)
    .map((text) => ({ text: text.trim(), words: tokens(text) }))
    .filter((p) => p.words.length > 0);
}

function spellings(keyword: string[]): string[][] {
  return ALIASES[keyword.join(' ')] ?? [keyword];
}

function indexesOf(haystack: string[], needle: string[]): number[] {
  const found: number[] = [];
  for (let i = 0; i + needle.length <= haystack.length; i++)
    if (needle.every((word, j) => haystack[i + j] === word)) found.push(i);
  return found;
}

/** Whether the words at [at, at + length) in `part` name this person's own role. */
function isOwnRole(part: string[], at: number, length: number, keyword: string): boolean {
  let start = at;
  while (start > 0 && TITLE_PREFIXES.has(part[start - 1] ?? '')) start--;
  const before = part[start - 1];
  const after = part[at + length];
  if (after === "'s") return false;
  if (before !== undefined && (NOT_CURRENT.has(before) || DEMOTING.has(before))) return false;
  if (part[at - 1] === 'vice') return false;
  for (let i = 0; i < start; i++) if (part[i] === 'to' && SUPPORT_ROLES.has(part[i - 1] ?? '')) return false;
  const last = part[at + length - 1];
  if (last === 'owner' || last === 'partner') {
    if (after !== undefined && !ROLE_FOLLOWERS.has(after)) return false;
    if (NOT_ROLE_PHRASES.some(([modifier, role]) => role === last && before === modifier)) return false;
  }
  if (keyword === 'chief') {
    // Only "Chief <something> Officer" or "Chief Executive" is an officer of the company.
    const rest = part.slice(at + 1);
    const officer = rest.indexOf('officer');
    if (rest[0] !== 'executive' && (officer < 1 || rest.slice(0, officer).includes('of'))) return false;
  }
  return true;
}

export interface AtlMatch {
  /** The keyword as the seller wrote it. */
  keyword: string;
  /** The part of the title it matched in, as written. */
  part: string;
}

/** The first keyword that makes this title ATL, or null. */
export function matchAtlTitle(
  title: string | null | undefined,
  keywords: readonly string[] = DEFAULT_ATL_KEYWORDS,
): AtlMatch | null {
  if (!title) return null;
  const titleParts = parts(title);
  for (const keyword of keywords) {
    const keywordTokens = tokens(keyword);
    if (keywordTokens.length === 0) continue;
    const key = keywordTokens.join(' ');
    for (const { text, words } of titleParts) {
      for (const spelling of spellings(keywordTokens)) {
        if (indexesOf(words, spelling).some((at) => isOwnRole(words, at, spelling.length, key)))
          return { keyword, part: text };
      }
      // "Chief" also covers the acronyms of chief officers (CFO, CTO …).
      if (key === 'chief') {
        const at = words.findIndex((word) => C_LEVEL.has(word));
        if (at >= 0 && isOwnRole(words, at, 1, 'c-level')) return { keyword, part: text };
      }
    }
  }
  return null;
}

export function isAtlTitle(
  title: string | null | undefined,
  keywords: readonly string[] = DEFAULT_ATL_KEYWORDS,
): boolean {
  return matchAtlTitle(title, keywords) !== null;
}
