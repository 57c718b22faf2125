import { parsePersonName, type NamePart, type PersonName } from './names';
import type { HunterEmail } from './hunterTypes';

const spellings = (part: NamePart) => [part.value, ...part.variants].map((s) => s.replace(/-/g, ''));

/** The same name once normalised ("Renée" and "Renee", "Mary-Jane" and "Maryjane"). */
const samePart = (a: NamePart, b: NamePart): boolean => {
  const bs = spellings(b);
  return spellings(a).some((x) => bs.includes(x));
};

/** "Chris" and "Christopher", "Dan" and "Daniel", "J." and "John": one could be the other. */
function firstNamesLooselyAgree(a: NamePart, b: NamePart): boolean {
  const as = spellings(a);
  const bs = spellings(b);
  if (a.initialOnly || b.initialOnly) return as[0]!.charAt(0) === bs[0]!.charAt(0);
  return as.some((x) =>
    bs.some((y) => Math.min(x.length, y.length) >= 3 && (x.startsWith(y) || y.startsWith(x))),
  );
}

const mostConfident = (emails: readonly HunterEmail[]): HunterEmail | null =>
  emails.reduce<HunterEmail | null>(
    (best, e) => (!best || (e.confidence ?? 0) > (best.confidence ?? 0) ? e : best),
    null,
  );

/**
 * The address Hunter found for this person at the domain, if any. A wrong match puts a
 * colleague's address on the contact (verified, it goes to exports and routing), so:
 * - the same last name (any spelling) is required;
 * - someone with the same first name always wins, whatever Hunter's confidence in the others
 *   ("Chris Smith" takes chris.smith@ at 80 over christine.smith@ at 95);
 * - a short form or an initial ("Chris" for "Christopher") is taken only when that person is the
 *   only one with this last name in the results, and is not, exactly, another contact of ours at
 *   the domain (`colleagues`): with two Smiths and neither a "Chris", we do not guess.
 * When one person has several addresses, the most confident one wins.
 */
export function matchHunterEmail(
  name: PersonName,
  emails: readonly HunterEmail[],
  colleagues: readonly PersonName[] = [],
): HunterEmail | null {
  const sameSurname: { email: HunterEmail; name: PersonName }[] = [];
  for (const email of emails) {
    const theirs = parsePersonName({ firstName: email.firstName, lastName: email.lastName });
    if (theirs && samePart(name.last, theirs.last)) sameSurname.push({ email, name: theirs });
  }
  const exact = sameSurname.filter((c) => samePart(name.first, c.name.first));
  if (exact.length > 0) return mostConfident(exact.map((c) => c.email));

  const people = new Set(sameSurname.map((c) => c.name.first.value.replace(/-/g, '')));
  if (people.size !== 1) return null;
  const only = sameSurname[0]!.name;
  if (!firstNamesLooselyAgree(name.first, only.first)) return null;
  if (colleagues.some((other) => samePart(other.first, only.first) && samePart(other.last, only.last)))
    return null;
  return mostConfident(sameSurname.map((c) => c.email));
}
