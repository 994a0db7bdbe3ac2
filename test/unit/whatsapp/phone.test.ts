import { describe, expect, test } from 'bun:test';
import { canonicalWaId, formatForDisplay, isBusinessScopedUserId, isPhoneLike, sameWaUser, toE164, toWaId } from '../../../src/channels/whatsapp/phone';

describe('canonicalWaId', () => {
  test.each([
    // Brazil: the mobile 9th digit is added to 8-digit mobiles; landlines are untouched
    ['5511987654321', '5511987654321'],
    ['551187654321', '5511987654321'],
    ['+55 (11) 8765-4321', '5511987654321'],
    ['552133334444', '552133334444'],
    // Mexico: legacy 521 + 10 digits → 52 + 10 digits
    ['5215512345678', '525512345678'],
    ['525512345678', '525512345678'],
    ['+52 1 55 1234 5678', '525512345678'],
    // Argentina: 54 + 10 digits → 549 + 10 digits
    ['541123456789', '5491123456789'],
    ['5491123456789', '5491123456789'],
    // Others: digits only
    ['+34 612 34 56 78', '34612345678'],
    ['0016505551234', '16505551234'],
    ['US.13491208655302741918', 'US.13491208655302741918'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalWaId(input)).toBe(expected);
  });

  test('variants of the same person match', () => {
    expect(sameWaUser('551187654321', '5511987654321')).toBe(true);
    expect(sameWaUser('5215512345678', '525512345678')).toBe(true);
    expect(sameWaUser('541123456789', '5491123456789')).toBe(true);
    expect(sameWaUser('5511987654321', '5511987654322')).toBe(false);
  });
});

describe('toE164', () => {
  test.each([
    ['+55 11 98765-4321', undefined, '+5511987654321'],
    ['(11) 98765-4321', 'BR', '+5511987654321'],
    ['011 15-2345-6789', 'AR', '+5491123456789'],
    ['55 1234 5678', 'MX', '+525512345678'],
    ['+52 1 55 1234 5678', undefined, '+525512345678'],
    ['612 34 56 78', 'ES', '+34612345678'],
    ['+1 650-555-1234', undefined, '+16505551234'],
  ] as const)('%s (%s) → %s', (input, country, expected) => {
    expect(toE164(input, country)).toBe(expected);
  });

  test('garbage and user ids give null', () => {
    expect(toE164('hello')).toBeNull();
    expect(toE164('US.123')).toBeNull();
    expect(toWaId('+55 11 98765-4321')).toBe('5511987654321');
  });
});

describe('formatForDisplay', () => {
  test.each([
    ['5511987654321', '+55 11 98765 4321'],
    ['551187654321', '+55 11 98765 4321'],
    ['5215512345678', '+52 55 1234 5678'],
    ['541123456789', '+54 9 11 2345 6789'],
    ['34612345678', '+34 612 34 56 78'],
    ['999', '+999'],
    ['US.13491208655302741918', 'US.13491208655302741918'],
  ])('%s → %s', (input, expected) => {
    expect(formatForDisplay(input)).toBe(expected);
  });

  test('business-scoped ids are recognised', () => {
    expect(isBusinessScopedUserId('US.13491208655302741918')).toBe(true);
    expect(isBusinessScopedUserId('5511987654321')).toBe(false);
  });
});

describe('isPhoneLike', () => {
  test.each([
    ['5491155551234', true], ['+54 9 11 5555-1234', true], ['(11) 5555 1234', true],
    ['PHONE_NUMBER', false], ['<WHATSAPP_USER_PHONE_NUMBER>', false], ['BSUID_123', false], ['US.13491208655302741918', false], ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isPhoneLike(value)).toBe(expected);
  });
});
