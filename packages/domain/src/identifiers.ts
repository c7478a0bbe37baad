/**
 * NHS numbers and Unique Pupil Numbers, validated by their check digit and check letter.
 * Pure functions shared by the server (input validation) and the web app (form hints).
 */

/** Strips the spaces people type into an NHS number ("943 476 5919"). */
export function normaliseNhsNumber(value: string): string {
  return value.replace(/[\s-]/g, "");
}

/** True when the value is ten digits whose last is the modulus-11 check digit of the first nine. */
export function isValidNhsNumber(value: string): boolean {
  const digits = normaliseNhsNumber(value);
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return false; // no valid check digit exists for this stem
  return (check === 11 ? 0 : check) === Number(digits[9]);
}

/** Computes the check digit for a nine-digit stem, or null where the stem cannot be used. */
export function nhsCheckDigit(stem: string): number | null {
  if (!/^\d{9}$/.test(stem)) return null;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(stem[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 10) return null;
  return check === 11 ? 0 : check;
}

// The DfE check-letter alphabet: 23 letters, I, O and S left out as easily misread.
const UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

/** Upper-cases and strips spaces from a UPN. */
export function normaliseUpn(value: string): string {
  return value.replace(/\s/g, "").toUpperCase();
}

function upnCharValue(ch: string, position: number): number | null {
  if (/\d/.test(ch)) return Number(ch);
  // Only the last character of a temporary UPN may be a letter.
  if (position === 12) {
    const v = UPN_LETTERS.indexOf(ch);
    return v >= 0 ? v : null;
  }
  return null;
}

/** Computes the check letter for the twelve characters that follow it. */
export function upnCheckLetter(rest: string): string | null {
  if (rest.length !== 12) return null;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const v = upnCharValue(rest.charAt(i), i + 1);
    if (v === null) return null;
    sum += v * (i + 2);
  }
  return UPN_LETTERS.charAt(sum % 23);
}

/** True when a 13-character UPN carries the right check letter (permanent or temporary). */
export function isValidUpn(value: string): boolean {
  const upn = normaliseUpn(value);
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  return upnCheckLetter(upn.slice(1)) === upn.charAt(0);
}

/** The outward code of a UK postcode ("W2 1AB" → "W2"), shown where a full address is not. */
export function postcodeDistrict(postcode: string): string {
  const p = normalisePostcode(postcode);
  const space = p.indexOf(" ");
  return space > 0 ? p.slice(0, space) : p;
}

/** Upper-cases a postcode and puts the single space before the inward code. */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s/g, "").toUpperCase();
  if (compact.length < 5) return compact;
  return `${compact.slice(0, -3)} ${compact.slice(-3)}`;
}

/** A loose shape check for UK postcodes (not a lookup: the ONS directory comes later). */
export function isPlausiblePostcode(value: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/.test(normalisePostcode(value));
}
