import { describe, expect, it } from 'vitest';
import { aadhaarEntrySchema } from './ekyc';

const messages = (aadhaar: string) => {
  const parsed = aadhaarEntrySchema.safeParse({ aadhaar, consent: true });
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('the Aadhaar the agent types', () => {
  it('takes 12 Verhoeff-valid digits, spaces or not', () => {
    expect(messages('9999 9999 1101')).toEqual([]);
    expect(messages('999999991101')).toEqual([]);
  });

  it('names a 16-digit Virtual ID as such, first, whatever its spacing', () => {
    expect(messages('9999 8888 7777 6666')[0]).toBe('validation.aadhaar.vid');
    expect(messages('9999888877776666')[0]).toBe('validation.aadhaar.vid');
  });

  it('refuses other lengths and a wrong check digit with their own messages', () => {
    expect(messages('12345')[0]).toBe('validation.aadhaar');
    expect(messages('999999991102')).toEqual(['validation.aadhaar.checksum']);
  });
});
