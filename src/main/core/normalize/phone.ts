import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** A North American number as digits, for matching. */
export interface PhoneDigits {
  /** Ten digits, area code first ("3125550142"), when the number has an area code. */
  phone10?: string;
  /** The last seven digits (exchange + line): present whenever `phone10` is, and alone for a local number. */
  local7?: string;
}

/** A trailing extension: "x12", "ext. 12", "extension: 12", "#12". */
const EXTENSION = /(?:ext(?:ension)?\.?|x|#)\s*:?\s*(\d{1,6})\s*$/i;

/** 0000000, 1111111, 1234567: filler typed into a required field, never a real number. */
function isFiller(digits: string): boolean {
  return /^(\d)\1+$/.test(digits) || digits.endsWith('1234567');
}

function splitExtension(raw: string): { number: string; ext: string | null } {
  const m = EXTENSION.exec(raw);
  if (!m) return { number: raw, ext: null };
  const before = raw.slice(0, m.index);
  return before.replace(/\D/g, '').length >= 7 ? { number: before, ext: m[1]! } : { number: raw, ext: null };
}

/**
 * The digits of a US/Canadian number in any common format: "+1 (312) 555-0142 ext. 3",
 * "312.555.0142", "1-312-555-0142", or a 7-digit local "555-0142". Empty for anything else
 * (too few or too many digits, another country, filler like 000-0000). Hand-written rather than
 * libphonenumber: it runs on every row of a 250,000-row file and the rules here are few.
 */
export function phoneDigits(raw: string | null | undefined): PhoneDigits {
  if (!raw) return {};
  let digits = splitExtension(raw).number.replace(/\D/g, '');
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

export interface NormalPhone {
  /** +14155550123; null for a local number without an area code. */
  e164: string | null;
  /** The 10-digit national number for US/Canada numbers (the matching key), else null. */
  phone10: string | null;
  /** "123" for "x123" / "ext. 123". */
  ext: string | null;
}

const LETTERS = /[a-z]/i;

/**
 * A phone as E.164 and as a 10-digit key; null when it is not a phone number. US and Canadian
 * numbers are read directly; anything with a + or letters (another country, a vanity number) goes
 * to libphonenumber, which is exact but far slower.
 */
export function normalizePhone(raw: string, defaultCountry: 'US' = 'US'): NormalPhone | null {
  const text = raw.trim();
  if (text === '') return null;
  const { number, ext } = splitExtension(text);
  if (!number.trimStart().startsWith('+') || number.trimStart().startsWith('+1')) {
    if (!LETTERS.test(number)) {
      const { phone10 } = phoneDigits(number);
      if (phone10) return { e164: `+1${phone10}`, phone10, ext };
    }
  }
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (!parsed || !parsed.isValid()) return null;
  const national = String(parsed.nationalNumber);
  const nanp = parsed.countryCallingCode === '1' && national.length === 10;
  return { e164: parsed.number, phone10: nanp ? national : null, ext: parsed.ext ?? ext };
}
