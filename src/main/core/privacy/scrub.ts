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
