// Practical, not RFC 5322: what a seller's mail client would send to. A local part of letters,
// digits and the usual marks, a domain of labels with a 2+ letter TLD.
const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** Every email in a cell ("a@x.com; b@y.com", "Ann <ann@x.com>", "mailto:..."), lowercased. */
export function splitEmails(raw: string): { valid: string[]; invalid: string[] } {
  const valid: string[] = [];
  const invalid: string[] = [];
  const parts = raw
    .split(/[;,]/)
    // "a@x.com b@y.com": addresses separated only by spaces
    .flatMap((part) =>
      (part.match(/@/g) ?? []).length > 1 && !part.includes('<') ? part.split(/\s+/) : [part],
    );
  for (const part of parts) {
    let value = part.trim();
    if (!value) continue;
    const angle = /<([^>]+)>/.exec(value);
    if (angle) value = angle[1]!;
    value = value
      .replace(/^mailto:/i, '')
      .trim()
      .toLowerCase();
    if (EMAIL.test(value)) {
      if (!valid.includes(value)) valid.push(value);
    } else invalid.push(part.trim());
  }
  return { valid, invalid };
}

export const isEmail = (value: string): boolean => EMAIL.test(value.trim().toLowerCase());

export const emailDomain = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

/** The one valid address in a value, lowercased, or undefined when it holds none. */
export function normalizeEmail(raw: string | null | undefined): string | undefined {
  return raw ? splitEmails(raw).valid[0] : undefined;
}
