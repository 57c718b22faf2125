import { parsePersonName, type NamePart, type PersonName } from './names';
import type { HunterEmail } from './hunterTypes';

const spellings = (part: NamePart) => [part.value, ...part.variants].map((s) => s.replace(/-/g, ''));

function firstNamesAgree(a: NamePart, b: NamePart): boolean {
  const as = spellings(a);
  const bs = spellings(b);
  if (as.some((x) => bs.includes(x))) return true;
  if (a.initialOnly || b.initialOnly) return as[0]!.charAt(0) === bs[0]!.charAt(0);
  // "Chris" and "Christopher", "Dan" and "Daniel": one is how the other starts.
  return as.some((x) =>
    bs.some((y) => Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x))),
  );
}

/**
 * The address Hunter found for this person at the domain, if any: same last name (any spelling)
 * and a first name that agrees (same, a short form of it, or an initial). The most confident one
 * wins when several agree.
 */
export function matchHunterEmail(name: PersonName, emails: readonly HunterEmail[]): HunterEmail | null {
  let best: HunterEmail | null = null;
  for (const email of emails) {
    const theirs = parsePersonName({ firstName: email.firstName, lastName: email.lastName });
    if (!theirs) continue;
    const lastAgrees = spellings(name.last).some((x) => spellings(theirs.last).includes(x));
    if (!lastAgrees || !firstNamesAgree(name.first, theirs.first)) continue;
    if (!best || (email.confidence ?? 0) > (best.confidence ?? 0)) best = email;
  }
  return best;
}
