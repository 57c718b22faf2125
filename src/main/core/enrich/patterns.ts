import { initialOf, type NamePart, type PersonName } from './names';

/**
 * Address patterns, in Hunter's template syntax so a pattern Hunter reports and one we learn are
 * the same thing: `{first}`, `{last}`, `{f}` (first initial), `{l}` (last initial), joined by
 * `.`, `_` or `-`.
 */
export type PatternTemplate = string;

export interface DefaultPattern {
  name: string;
  template: PatternTemplate;
  /** How often the pattern is right at a domain we know nothing about (the seeds' table). */
  confidence: number;
}

export const DEFAULT_PATTERNS: readonly DefaultPattern[] = [
  { name: 'first.last', template: '{first}.{last}', confidence: 95 },
  { name: 'firstlast', template: '{first}{last}', confidence: 90 },
  { name: 'first_last', template: '{first}_{last}', confidence: 85 },
  { name: 'f.last', template: '{f}.{last}', confidence: 80 },
  { name: 'flast', template: '{f}{last}', confidence: 75 },
  { name: 'first.l', template: '{first}.{l}', confidence: 70 },
  { name: 'first', template: '{first}', confidence: 65 },
  { name: 'last.first', template: '{last}.{first}', confidence: 60 },
];

/** Other patterns companies use; we recognise them when learning, but never guess them cold. */
const OTHER_TEMPLATES: readonly PatternTemplate[] = [
  '{last}',
  '{first}-{last}',
  '{f}_{last}',
  '{f}-{last}',
  '{first}{l}',
  '{first}_{l}',
  '{last}{f}',
  '{last}.{f}',
  '{last}_{first}',
  '{last}{first}',
  '{last}-{first}',
];

export const KNOWN_TEMPLATES: readonly PatternTemplate[] = [
  ...DEFAULT_PATTERNS.map((p) => p.template),
  ...OTHER_TEMPLATES,
];

const TOKEN = /\{(first|last|f|l)\}/g;
const TEMPLATE_SHAPE = /^(?:\{(?:first|last|f|l)\}|[._-])+$/;

/** A template we can render, lower-cased; null for anything else (Hunter sometimes sends none). */
export function normalizeTemplate(template: string | null | undefined): PatternTemplate | null {
  if (!template) return null;
  const t = template.trim().toLowerCase();
  if (!TEMPLATE_SHAPE.test(t)) return null;
  if (!/\{(first|last|f|l)\}/.test(t)) return null;
  if (/^[._-]|[._-]$|[._-]{2}/.test(t)) return null;
  return t;
}

/** "first.last" for the eight defaults, the template itself otherwise. */
export function patternName(template: PatternTemplate): string {
  return DEFAULT_PATTERNS.find((p) => p.template === template)?.name ?? template;
}

function render(
  template: PatternTemplate,
  first: NamePart,
  last: NamePart,
  f: string,
  l: string,
): string | null {
  if (first.initialOnly && template.includes('{first}')) return null;
  if (last.initialOnly && template.includes('{last}')) return null;
  return template.replace(TOKEN, (_, token: string) => {
    switch (token) {
      case 'first':
        return f;
      case 'last':
        return l;
      case 'f':
        return initialOf(first);
      default:
        return initialOf(last);
    }
  });
}

/**
 * The local parts a template gives for a name: the usual spelling first, then the variants
 * ("mary-jane.smith", then "maryjane.smith"). Empty when the template needs a part we only know
 * the initial of.
 */
export function renderLocalParts(template: PatternTemplate, name: PersonName): string[] {
  const out: string[] = [];
  const add = (f: string, l: string) => {
    const local = render(template, name.first, name.last, f, l);
    if (local && !out.includes(local)) out.push(local);
  };
  add(name.first.value, name.last.value);
  for (const f of name.first.variants) add(f, name.last.value);
  for (const l of name.last.variants) add(name.first.value, l);
  for (const f of name.first.variants) for (const l of name.last.variants) add(f, l);
  return out;
}

/**
 * The template that produced `localPart` for this person, or null when none does or when more
 * than one does (a "Li Li" at li.li@ teaches nothing about everyone else).
 */
export function detectTemplate(name: PersonName, localPart: string): PatternTemplate | null {
  const local = localPart.toLowerCase();
  const matches = KNOWN_TEMPLATES.filter((t) => renderLocalParts(t, name).includes(local));
  return matches.length === 1 ? matches[0]! : null;
}
