import { describe, expect, it } from 'vitest';
import { estimateFee, type FeeRule } from './fees';

const EKO: FeeRule = { percent: 1, minimumPaise: 1000, maxTransferPaise: 500_000, rounding: 'up_to_rupee' };

describe('estimateFee', () => {
  it('charges the minimum on small amounts', () => {
    expect(estimateFee(10_000, EKO)).toEqual({ amountPaise: 10_000, feePaise: 1000, totalPaise: 11_000 });
    expect(estimateFee(100_000, EKO).feePaise).toBe(1000); // ₹1,000 → 1 % is exactly ₹10
  });

  it('charges 1 % above the minimum', () => {
    expect(estimateFee(250_000, EKO)).toEqual({ amountPaise: 250_000, feePaise: 2500, totalPaise: 252_500 });
    expect(estimateFee(500_000, EKO).feePaise).toBe(5000);
  });

  it('is exact to the paisa by default (1 % of whole rupees needs no rounding), and rounds a part paisa up', () => {
    const paisa: FeeRule = { ...EKO, rounding: 'up_to_paisa' };
    expect(estimateFee(123_400, paisa)).toEqual({ amountPaise: 123_400, feePaise: 1234, totalPaise: 124_634 });
    expect(estimateFee(123_450, { ...paisa, percent: 1.5 }).feePaise).toBe(1852); // 1851.75 → 1852
  });

  it('rounds a part rupee up, never down, when the rule says rupees', () => {
    // ₹1,234 → 1 % is ₹12.34 → ₹13.
    expect(estimateFee(123_400, EKO)).toEqual({ amountPaise: 123_400, feePaise: 1300, totalPaise: 124_700 });
    // ₹1,201 → ₹12.01 → ₹13.
    expect(estimateFee(120_100, EKO).feePaise).toBe(1300);
    // A minimum that is not whole rupees is rounded up too.
    expect(estimateFee(10_000, { ...EKO, minimumPaise: 1050 }).feePaise).toBe(1100);
  });

  it('does not round exact rupees up through floating-point noise', () => {
    // 1.1 % of ₹1,000 is ₹11 exactly (binary arithmetic says 1100.0000000000002 paise).
    expect(estimateFee(100_000, { ...EKO, percent: 1.1 }).feePaise).toBe(1100);
    expect(estimateFee(300_000, { ...EKO, percent: 0.7 }).feePaise).toBe(2100);
  });

  it('refuses amounts that are not whole paise', () => {
    expect(() => estimateFee(100.5, EKO)).toThrow(RangeError);
    expect(() => estimateFee(-100, EKO)).toThrow(RangeError);
  });
});
