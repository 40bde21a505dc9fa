import { describe, expect, it } from 'vitest';
import { formatAge, formatIndiaDateTime, formatInr, formatMobile, paiseToRupees, translate } from './index';

describe('formatting and messages', () => {
  it('formats rupees the Indian way', () => {
    expect(formatInr(25000)).toBe('₹25,000');
    expect(formatInr(100000)).toBe('₹1,00,000');
    expect(formatInr(0)).toBe('₹0');
    expect(formatInr(1234.5)).toBe('₹1,234.5');
  });
  it('groups mobiles for reading aloud', () => {
    expect(formatMobile('9876543210')).toBe('98765 43210');
  });
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'sender.ekyc.upgrade', { current: '₹5,000', after: '₹25,000' })).toBe(
      'Aadhaar eKYC raises this sender’s monthly limit from ₹5,000 to ₹25,000.',
    );
    expect(translate('en', 'sender.ekyc.upgrade', { current: '₹5,000' })).toContain('{after}');
  });
});

describe('money screens', () => {
  it('shows paise as rupees and moments on India’s clock', () => {
    expect(formatInr(paiseToRupees(101_000))).toBe('₹1,010');
    expect(formatInr(paiseToRupees(123_456))).toBe('₹1,234.56');
    // 12:30 UTC is 18:00 in India.
    expect(formatIndiaDateTime('2026-12-02T12:30:00Z', 'en')).toMatch(/2 Dec 2026.*6:00:00\s?pm/i);
  });
  it('says how long something has waited in its largest unit', () => {
    expect(formatAge(45)).toBe('45 seconds');
    expect(formatAge(60 * 12 + 5)).toBe('12 minutes');
    expect(formatAge(3600 * 3)).toBe('3 hours');
    expect(formatAge(86_400 * 3)).toBe('3 days');
    expect(formatAge(-5)).toBe('0 seconds');
  });
});
