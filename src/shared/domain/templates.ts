import type { OutreachKind } from './outreach';

/**
 * Message templates: text with {variables}, each with a fallback for when the contact lacks the
 * value. Pure, so the Templates page previews as the seller types and the core renders the queue
 * with the very same function.
 *
 * Syntax: `{first_name}` takes the contact's value, else the template's fallback for it, else the
 * variable's default fallback below; `{first_name|there}` gives a fallback for that one place.
 */

export const TEMPLATE_VARIABLES = [
  { name: 'first_name', label: 'First name', fallback: 'there' },
  { name: 'last_name', label: 'Last name', fallback: '' },
  { name: 'full_name', label: 'Full name', fallback: 'there' },
  { name: 'title', label: 'Job title', fallback: 'your role' },
  { name: 'company', label: 'Company', fallback: 'your company' },
  { name: 'industry', label: 'Industry', fallback: 'your industry' },
  { name: 'city', label: 'City', fallback: 'your area' },
  { name: 'state', label: 'State', fallback: 'your area' },
  { name: 'mutual_connection', label: 'Mutual connection', fallback: 'a mutual connection' },
  { name: 'my_name', label: 'Your name (Settings)', fallback: '' },
] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]['name'];

export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

export interface Template {
  id: number;
  kind: OutreachKind;
  name: string;
  /** InMail and email only. */
  subject: string | null;
  body: string;
  /** Per variable: what to write when the contact has no value. */
  fallbacks: Partial<Record<TemplateVariable, string>>;
  isDefault: boolean;
  updatedAt: string;
}

export interface Rendered {
  text: string;
  /** Variables the contact had no value for (a fallback was used). */
  missing: TemplateVariable[];
  /** `{names}` that are not variables, left in the text as written. */
  unknown: string[];
}

const KNOWN = new Set<string>(TEMPLATE_VARIABLES.map((v) => v.name));
const DEFAULT_FALLBACK = Object.fromEntries(TEMPLATE_VARIABLES.map((v) => [v.name, v.fallback])) as Record<
  TemplateVariable,
  string
>;
/**
 * Any `{name}` or `{name|fallback}`, whatever its case or spelling: a `{First_Name}` or
 * `{compnay}` must be seen (and reported as unknown), not slip past as plain text.
 */
const PLACEHOLDER = /\{([^{}|\n]{1,60})(?:\|([^{}\n]*))?\}/g;

export function renderTemplate(
  text: string,
  values: TemplateValues,
  fallbacks: Template['fallbacks'] = {},
): Rendered {
  const missing = new Set<TemplateVariable>();
  const unknown = new Set<string>();
  let emptied = false;
  const out = text.replace(PLACEHOLDER, (whole, name: string, inline: string | undefined) => {
    if (!KNOWN.has(name)) {
      unknown.add(name);
      return whole;
    }
    const variable = name as TemplateVariable;
    const value = values[variable]?.trim();
    if (value) return value;
    missing.add(variable);
    const fallback = inline ?? fallbacks[variable] ?? DEFAULT_FALLBACK[variable];
    if (fallback === '') emptied = true;
    return fallback;
  });
  return {
    // An empty fallback can leave "Hi ," or a double space; tidy those, and only then.
    text: emptied
      ? out
          .replace(/ +([,.!?])/g, '$1')
          .replace(/ {2,}/g, ' ')
          .replace(/ +$/gm, '')
      : out,
    missing: [...missing],
    unknown: [...unknown],
  };
}

/** The variables a template uses, in order of first use. */
export function variablesIn(text: string): TemplateVariable[] {
  const seen: TemplateVariable[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1] as TemplateVariable;
    if (KNOWN.has(name) && !seen.includes(name)) seen.push(name);
  }
  return seen;
}

/** A "[relevant area]" the seller was meant to fill in; such a message is not ready to send. */
const BLANK = /\[[A-Za-z][^\]\n]{0,60}\]/;
/** A `{...}` left in the text after filling: not a variable, so it would go out as written. */
const LEFTOVER = /\{[^{}\n]{1,60}\}/;

/** The variable a misspelled or wrongly cased name was probably meant to be. */
export function closestVariable(name: string): TemplateVariable | null {
  const wanted = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  let best: { name: TemplateVariable; distance: number } | null = null;
  for (const v of TEMPLATE_VARIABLES) {
    const distance = editDistance(wanted, v.name);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: v.name, distance };
  }
  return best?.name ?? null;
}

/**
 * Levenshtein distance on names of a few letters. The core's metrics use fuzzball
 * (dedupe/similarity.ts); this module also runs in the renderer (the Templates preview), where ten
 * lines cost less than bundling fuzzball for one function.
 */
function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/**
 * Why a filled-in message is not ready to send though within its limits: a "[blank]" the seller
 * was meant to write over, or a `{...}` that is not a variable (misspelled, wrongly cased), which
 * would reach the person as written. `where` says where to fix it.
 */
export function unfilledProblem(
  subject: string | null,
  body: string,
  where = ' (in the template on the Templates page, or here)',
): string | null {
  const text = `${subject ?? ''}\n${body}`;
  const blank = BLANK.exec(text);
  if (blank) return `Write your own words in place of “${blank[0]}”${where}.`;
  const leftover = LEFTOVER.exec(text);
  if (!leftover) return null;
  const name = leftover[0].slice(1, -1).split('|')[0]!;
  const meant = closestVariable(name);
  return `“${leftover[0]}” is not a variable and would be sent as written${meant ? `: did you mean {${meant}}?` : '.'} Fix it${where}.`;
}

/** Limits LinkedIn enforces, counted as its textarea's maxlength counts (UTF-16 units, trimmed). */
export const MESSAGE_LIMITS: Record<OutreachKind, { subject?: number; body: number }> = {
  invite: { body: 300 },
  inmail: { subject: 200, body: 1900 },
  email: { subject: 250, body: 10_000 },
  follow_up: { body: 8000 },
  message: { body: 8000 },
};

export const INVITE_NOTE_MAX = MESSAGE_LIMITS.invite.body;

export const messageLength = (text: string): number => text.trim().length;

/** Why a message cannot be sent as it is, or null. */
export function messageProblem(kind: OutreachKind, subject: string | null, body: string): string | null {
  const limits = MESSAGE_LIMITS[kind];
  const length = messageLength(body);
  if (length === 0) return 'The message is empty.';
  if (length > limits.body)
    return kind === 'invite'
      ? `The invitation note has ${length} characters; LinkedIn allows ${limits.body}. Shorten it by ${length - limits.body}.`
      : `The message has ${length} characters; the limit is ${limits.body}.`;
  if (limits.subject !== undefined) {
    const s = messageLength(subject ?? '');
    if (s === 0) return 'The subject is empty.';
    if (s > limits.subject) return `The subject has ${s} characters; the limit is ${limits.subject}.`;
  }
  return null;
}
