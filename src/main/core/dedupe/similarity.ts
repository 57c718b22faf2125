import { jaroWinkler } from '@skyra/jaro-winkler';
import { distance, ratio, token_set_ratio, token_sort_ratio } from 'fuzzball';

/**
 * The string metrics, all from maintained packages: fuzzball (a port of Python's TheFuzz:
 * Levenshtein ratio, token-set and token-sort ratios) and @skyra/jaro-winkler. Inputs here are
 * already normalised, so fuzzball's own processing is switched off (it would cost a third of the
 * time and could only undo our folding). Every function returns a similarity in [0, 1].
 */
const RAW = { full_process: false } as const;

/** Jaro-Winkler: kind to typos near the end, made for short strings such as given names and surnames. */
export function jaroWinklerSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  return jaroWinkler(a, b);
}

/** Levenshtein ratio (InDel-normalised, as TheFuzz's `ratio`): whole-string typos. */
export function levenshteinRatio(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  return ratio(a, b, RAW) / 100;
}

/** Levenshtein edit distance: "one typo apart" tests on identifiers, dates and numbers. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  return distance(a, b, RAW);
}

/**
 * Token-set ratio: 1 when the words of one name are a subset of the other's ("Johnson" and
 * "Chicago Public Schools Johnson"), so it reads containment as agreement. Use with the
 * token-sort ratio, which does not.
 */
export function tokenSetSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  return token_set_ratio(a, b, RAW) / 100;
}

/** Token-sort ratio: Levenshtein ratio after sorting words, so word order does not matter. */
export function tokenSortSimilarity(a: string, b: string): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a === b) return 1;
  return token_sort_ratio(a, b, RAW) / 100;
}
