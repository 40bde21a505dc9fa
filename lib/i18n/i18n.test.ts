import { describe, expect, it } from 'vitest';
import { formatInr, formatMobile, translate } from './index';

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
