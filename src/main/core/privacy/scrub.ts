import { mentions, type Identifiers } from './people';

export const ERASED = '[erased]';

/**
 * A JSON text with every string that mentions the person replaced by "[erased]", keys and numbers
 * kept, so a job's result or an audit entry keeps its shape (and stays readable by its page)
 * while the person's data goes. A text that is not JSON goes whole if it mentions them.
 */
export function scrubJson(text: string, ids: Identifiers): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return mentions(text, ids) ? JSON.stringify(ERASED) : text;
  }
  return JSON.stringify(walk(value, ids));
}

function walk(value: unknown, ids: Identifiers): unknown {
  if (typeof value === 'string') return mentions(value, ids) ? ERASED : value;
  if (Array.isArray(value)) return value.map((v) => walk(v, ids));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, ids)]));
  return value;
}

const EMAIL_IN_TEXT = /[^\s"'<>(),;:[\]{}]+@[^\s"'<>(),;:[\]{}]+/g;
const PROFILE_IN_TEXT = /(?:https?:\/\/)?(?:[\w-]+\.)?linkedin\.com\/(?:in|pub)\/[^?#\s"'<>)]+/gi;

/**
 * A text with the person's addresses, profile links and full names replaced by "[erased]", the
 * rest kept: "learned from the verified address jane.doe@acme.com" keeps saying how the pattern was
 * learned. Should a mention remain that the replacement did not catch, the whole text goes.
 */
export function redactText(text: string, ids: Identifiers): string {
  if (!mentions(text, ids)) return text;
  let out = text.replace(EMAIL_IN_TEXT, (match) =>
    mentions(match, { ...ids, names: new Set() }) ? ERASED : match,
  );
  out = out.replace(PROFILE_IN_TEXT, (match) =>
    mentions(match, { ...ids, names: new Set() }) ? ERASED : match,
  );
  for (const name of ids.names) {
    const words = name.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    out = out.replace(new RegExp(words.join('\\s+'), 'giu'), ERASED);
  }
  return mentions(out, ids) ? ERASED : out;
}

/** A JSON text with `redactText` applied to each of its strings (a text that is not JSON, whole). */
export function redactJson(text: string, ids: Identifiers): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return redactText(text, ids);
  }
  const walkText = (v: unknown): unknown => {
    if (typeof v === 'string') return redactText(v, ids);
    if (Array.isArray(v)) return v.map(walkText);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walkText(x)]));
    return v;
  };
  return JSON.stringify(walkText(value));
}
