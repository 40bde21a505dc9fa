import { describe, expect, it } from 'vitest';
import { readEnvelope } from '../envelope';
import { normaliseGetSender, normaliseOnboardSender } from './sender';

const env = (body: unknown) => {
  const e = readEnvelope(body);
  if (!e) throw new Error('fixture is not an envelope');
  return e;
};

// Current reference shapes (api-specs.ts as summarised in docs/eko-api.md §7).
const current = {
  found: {
    status: 0,
    response_status_id: -1,
    response_type_id: 309,
    message: 'Success!',
    data: {
      is_registered: 1,
      next_allowed_limit: '17500.0',
      kyc_state: 1,
      customer_profile: {
        name: 'Asha Verma',
        mobile: '9000000001',
        balance: '0.0',
        total_monthly_limit: '25000.0',
        next_allowed_limit: '17500.0',
        kyc_state: 1,
        chart: [{ data_type_id: 1, data: { unavailable: 0, used: 7500, remaining: 17500 }, label: 'Monthly Limit' }],
      },
    },
  },
  notEnrolled: { status: 308, response_status_id: 1, response_type_id: 308, message: 'Failure!Customer Not Enrolled', data: { ekyc_enabled: '' } },
  kycPending: { status: 0, response_status_id: 0, response_type_id: 2134, message: 'Customer KYC Pending', data: { otp_ref_id: '' } },
  otpPending: { status: 0, response_status_id: 0, response_type_id: 2129, message: 'Validate the OTP', data: { otp_ref_id: 'R1' } },
};

// Seed page shapes (shared/seeds/004).
const seed = {
  found: {
    status: 0,
    response_status_id: 0,
    response_type_id: 1388,
    message: 'Success',
    data: {
      customer_id: '9000000001',
      name: 'Asha Verma',
      dob: '1988-04-12',
      kyc_verified: true,
      available_limit: 17500,
      used_limit: 7500,
      monthly_limit: 25000,
      state: 0,
    },
  },
  notKyc: {
    status: 0,
    response_status_id: 0,
    response_type_id: 1388,
    data: { customer_id: '9000000002', name: 'Ramesh Kumar', kyc_verified: false, available_limit: 3800, used_limit: 1200, monthly_limit: 5000, state: 0 },
  },
  pending: {
    status: 0,
    response_status_id: 0,
    response_type_id: 1388,
    data: { customer_id: '9000000003', name: 'Sunita Devi', kyc_verified: false, state: 10 },
  },
  notFound: { status: 463, response_status_id: 463, response_type_id: -1, message: 'Customer not found', data: {} },
};

describe('normaliseGetSender', () => {
  it('reads a KYC-verified sender from both shapes into the same domain value', () => {
    const expected = {
      mobile: '9000000001',
      state: 'kyc_verified',
      name: 'Asha Verma',
      limits: { monthly: 25000, used: 7500, available: 17500, monthlyAfterEkyc: 25000 },
      pendingStep: null,
    };
    expect(normaliseGetSender(env(current.found), '9000000001')).toEqual(expected);
    expect(normaliseGetSender(env(seed.found), '9000000001')).toEqual(expected);
  });

  it('reads a non-KYC sender and what eKYC would raise the limit to', () => {
    const body = structuredClone(current.found);
    Object.assign(body.data, { kyc_state: 0, next_allowed_limit: '3800.0' });
    Object.assign(body.data.customer_profile, {
      name: 'Ramesh Kumar',
      mobile: '9000000002',
      kyc_state: 0,
      total_monthly_limit: '5000.0',
      next_allowed_limit: '3800.0',
    });
    body.data.customer_profile.chart = [{ data_type_id: 1, data: { unavailable: 0, used: 1200, remaining: 3800 }, label: 'x' }];
    const fromCurrent = normaliseGetSender(env(body), '9000000002');
    const fromSeed = normaliseGetSender(env(seed.notKyc), '9000000002');
    expect(fromCurrent).toEqual({
      mobile: '9000000002',
      state: 'not_kyc',
      name: 'Ramesh Kumar',
      limits: { monthly: 5000, used: 1200, available: 3800, monthlyAfterEkyc: 25000 },
      pendingStep: null,
    });
    expect(fromSeed).toEqual(fromCurrent);
  });

  it('derives used from monthly − available when the chart is missing', () => {
    const body = structuredClone(current.found);
    delete (body.data.customer_profile as { chart?: unknown }).chart;
    expect(normaliseGetSender(env(body), '9000000001')?.limits).toEqual({ monthly: 25000, used: 7500, available: 17500, monthlyAfterEkyc: 25000 });
  });

  it('recognises not enrolled as rt 308 and as 463 (status or rsid)', () => {
    for (const body of [current.notEnrolled, seed.notFound, { status: 1, response_status_id: 463, response_type_id: -1, data: {} }]) {
      expect(normaliseGetSender(env(body), '9000000005')).toEqual({ mobile: '9000000005', state: 'not_enrolled', name: null, limits: null, pendingStep: null });
    }
  });

  it('reads KYC pending (rt 2134), OTP pending (rt 2129) and the seed state 10', () => {
    expect(normaliseGetSender(env(current.kycPending), '9000000003')).toMatchObject({ state: 'kyc_pending', pendingStep: 'ekyc', limits: null });
    expect(normaliseGetSender(env(current.otpPending), '9000000004')).toMatchObject({ state: 'kyc_pending', pendingStep: 'otp', limits: null });
    expect(normaliseGetSender(env(seed.pending), '9000000003')).toMatchObject({ state: 'kyc_pending', pendingStep: 'ekyc', name: 'Sunita Devi', limits: null });
  });

  it('returns null for business errors and unknown success shapes', () => {
    expect(normaliseGetSender(env({ status: 319, response_type_id: -1, data: {} }), '9000000001')).toBeNull();
    expect(normaliseGetSender(env({ status: 0, response_type_id: 77, data: { something: 1 } }), '9000000001')).toBeNull();
  });
});

describe('normaliseOnboardSender', () => {
  it('maps every documented outcome', () => {
    expect(normaliseOnboardSender(env(current.kycPending))).toBe('ekyc_required');
    expect(
      normaliseOnboardSender(env({ status: 0, response_type_id: 300, message: 'Wallet opened successfully.', data: { state_desc: 'Non-Kyc', state: '2' } })),
    ).toBe('wallet_opened');
    expect(normaliseOnboardSender(env(current.found))).toBe('already_kyc');
    expect(normaliseOnboardSender(env({ status: 0, response_status_id: 0, response_type_id: 1388, data: {} }))).toBe('wallet_opened');
    expect(normaliseOnboardSender(env({ status: 17, response_status_id: 17, response_type_id: -1, data: {} }))).toBe('already_enrolled');
    expect(normaliseOnboardSender(env({ status: 585, response_type_id: -1, data: {} }))).toBe('already_kyc');
  });

  it('returns null for validation errors', () => {
    expect(normaliseOnboardSender(env({ status: 132, response_status_id: 1, response_type_id: -1, invalid_params: { name: 'x' } }))).toBeNull();
  });
});
