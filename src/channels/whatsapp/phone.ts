/**
 * Phone number normalisation for matching WhatsApp ids to contacts. WhatsApp may report the same
 * person as different digit strings: Brazil with or without the mobile 9th digit, Mexico `521…` or
 * `52…`, Argentina `549…` or `54…`. `canonicalWaId` maps all variants to one key; store it next to
 * the raw wa_id and match on it. Business-scoped user ids (e.g. `US.1349…`) pass through unchanged.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

/** True for a business-scoped user id (`CC.digits`) rather than a phone number. */
export function isBusinessScopedUserId(value: string): boolean {
  return /^[A-Z]{2}\.\w+$/.test(value.trim());
}

/**
 * True for a wa_id or phone written with digits (and `+`, spaces, dots, dashes, brackets) only:
 * placeholders such as `PHONE_NUMBER` and business-scoped ids (`US.1349…`, `BSUID_123`) are not.
 */
export function isPhoneLike(value: string): boolean {
  return /^\+?[\d\s().-]*\d[\d\s().-]*$/.test(value.trim()) && !isBusinessScopedUserId(value);
}

function digitsOf(input: string): string {
  let s = input.trim();
  if (s.startsWith('00')) s = s.slice(2);
  return s.replace(/\D/g, '');
}

/**
 * Canonical digits (no `+`) for a wa_id or an international phone string:
 * - Brazil: `55 DD 9XXXXXXXX` (adds the 9th digit to 8-digit mobiles starting 6–9; landlines kept)
 * - Mexico: `52 XXXXXXXXXX` (drops the legacy mobile `1` after 52)
 * - Argentina: `549 XXXXXXXXXX` (adds the mobile 9 WhatsApp uses)
 * Other numbers: digits only. Business-scoped user ids are returned as given (trimmed).
 */
export function canonicalWaId(waIdOrPhone: string): string {
  if (isBusinessScopedUserId(waIdOrPhone)) return waIdOrPhone.trim();
  const d = digitsOf(waIdOrPhone);
  // Brazil: 55 + 2-digit area code + 8 digits (old mobile form) → insert the 9.
  if (d.length === 12 && d.startsWith('55') && /[6-9]/.test(d[4]!)) return `${d.slice(0, 4)}9${d.slice(4)}`;
  // Mexico: 52 1 + 10 digits → 52 + 10 digits.
  if (d.length === 13 && d.startsWith('521')) return `52${d.slice(3)}`;
  // Argentina: 54 + 10 digits (no mobile 9) → 549 + 10 digits. A national "15" mobile prefix is
  // only removed by toE164 (it needs the area code, which libphonenumber knows).
  if (d.length === 12 && d.startsWith('54') && d[2] !== '9') return `549${d.slice(2)}`;
  return d;
}

/**
 * E.164 (`+…`) for a phone typed in any format; national formats need `defaultCountry`. The result
 * is canonicalised (see `canonicalWaId`). Returns null when the input cannot be a phone number.
 */
export function toE164(input: string, defaultCountry?: CountryCode): string | null {
  if (isBusinessScopedUserId(input)) return null;
  const trimmed = input.trim();
  const hasCountry = trimmed.startsWith('+') || trimmed.startsWith('00') || !defaultCountry;
  const candidate = hasCountry ? `+${digitsOf(trimmed)}` : trimmed;
  const parsed = parsePhoneNumberFromString(candidate, hasCountry ? undefined : defaultCountry);
  if (!parsed) return null;
  const canonical = canonicalWaId(parsed.number);
  return canonical.length >= 8 && canonical.length <= 15 ? `+${canonical}` : null;
}

/** wa_id digits to send in the `to` field (canonical digits, no `+`). */
export function toWaId(input: string, defaultCountry?: CountryCode): string | null {
  const e164 = toE164(input, defaultCountry);
  return e164 ? e164.slice(1) : null;
}

/**
 * Human display (`+55 11 98765 4321`) for a wa_id or phone. Falls back to `+digits` when the
 * number is not recognised, and to the value itself for business-scoped user ids.
 */
export function formatForDisplay(waIdOrPhone: string): string {
  if (isBusinessScopedUserId(waIdOrPhone)) return waIdOrPhone.trim();
  const canonical = canonicalWaId(waIdOrPhone);
  if (!canonical) return waIdOrPhone;
  const parsed = parsePhoneNumberFromString(`+${canonical}`);
  return parsed?.isValid() ? parsed.formatInternational() : `+${canonical}`;
}

/** True when two wa_ids/phones are the same WhatsApp user once canonicalised. */
export function sameWaUser(a: string, b: string): boolean {
  return canonicalWaId(a) === canonicalWaId(b);
}
