/**
 * A North American phone number as digits. Hand-written rather than libphonenumber-js: this runs
 * on every row of a 250,000-row import, the rules needed here are few (country code 1, an
 * extension, a local number without area code), and the full parser costs ~20× more per number.
 */
export interface PhoneDigits {
  /** Ten digits, area code first ("3125550142"), when the number has an area code. */
  phone10?: string;
  /** The last seven digits (exchange + line). Present whenever `phone10` is, and alone for a local number. */
  local7?: string;
}

/** A trailing extension: "x12", "ext. 12", "extension: 12", "#12". */
const EXTENSION = /(?:ext(?:ension)?\.?|x|#)\s*:?\s*\d{1,6}\s*$/i;

/** 0000000, 1111111, 1234567: filler typed into a required field, never a real number. */
function isFiller(digits: string): boolean {
  return /^(\d)\1+$/.test(digits) || digits.endsWith('1234567');
}

/** The text before an extension marker, when at least seven digits come before it. */
function withoutExtension(raw: string): string {
  const m = EXTENSION.exec(raw);
  if (!m) return raw;
  const before = raw.slice(0, m.index);
  return before.replace(/\D/g, '').length >= 7 ? before : raw;
}

/**
 * Parses a US/Canadian phone number in any common format: "+1 (312) 555-0142 ext. 3",
 * "312.555.0142", "1-312-555-0142", "5550142". Returns {} for anything that is not one (too few
 * or too many digits, an international number, filler like 000-0000).
 */
export function normalizePhone(raw: string | null | undefined): PhoneDigits {
  if (!raw) return {};
  let digits = withoutExtension(raw).replace(/\D/g, '');
  if (digits.length === 11 && digits.startsWith('1')) digits = digits.slice(1);
  if (digits.length === 10) {
    // North American area codes and exchanges never start with 0 or 1.
    if (digits[0] === '0' || digits[0] === '1' || digits[3] === '0' || digits[3] === '1') return {};
    const local7 = digits.slice(3);
    if (isFiller(local7) || isFiller(digits)) return {};
    return { phone10: digits, local7 };
  }
  if (digits.length === 7) {
    if (digits[0] === '0' || digits[0] === '1' || isFiller(digits)) return {};
    return { local7: digits };
  }
  return {};
}

/** The ten digits, or undefined: for callers that only keep complete numbers. */
export function phone10(raw: string | null | undefined): string | undefined {
  return normalizePhone(raw).phone10;
}
