import { describe, expect, it } from 'vitest';
import { readEnvelope } from '../envelope';
import { normaliseAepsDailyKyc, normaliseAepsSendOtp, normaliseSenderEkyc, normaliseValidateEkycOtp } from './steps';

const env = (body: unknown) => readEnvelope(body)!;

describe('eKYC step normalisers (docs/eko-api.md §11 map)', () => {
  it('Sender eKYC: current rt 2129 without mobile, seed rt 1388 with mobile', () => {
    expect(
      normaliseSenderEkyc(
        env({ status: 0, response_status_id: 0, response_type_id: 2129, data: { user_code: '1', intent_id: 'I', kyc_request_id: 'K1', otp_ref_id: 'O1' } }),
      ),
    ).toEqual({ kycRequestId: 'K1', otpRefId: 'O1', maskedMobile: null });
    expect(
      normaliseSenderEkyc(
        env({ status: 0, response_status_id: 0, response_type_id: 1388, data: { kyc_request_id: 'KYC1', otp_ref_id: 'OTP1', mobile: 'XXXXXXX789' } }),
      ),
    ).toEqual({ kycRequestId: 'KYC1', otpRefId: 'OTP1', maskedMobile: 'XXXXXXX789' });
    expect(
      normaliseSenderEkyc(env({ status: 2135, response_status_id: 1, response_type_id: 2135, data: { description: 'K-100 EKYC Verification failed' } })),
    ).toBeNull();
  });

  it('Validate eKYC OTP: rt 2132 only', () => {
    expect(normaliseValidateEkycOtp(env({ status: 0, response_type_id: 2132, data: { user_code: '1' } }))).toEqual({ completed: true });
    expect(normaliseValidateEkycOtp(env({ status: 2131, response_status_id: 302, response_type_id: 2131, data: {} }))).toBeNull();
  });

  it('AePS Send OTP: current carries reference_tid, seed carries mobile_hint', () => {
    expect(normaliseAepsSendOtp(env({ status: 0, response_type_id: 1600, data: { reference_tid: 'T1', otp_ref_id: 'O1' } }))).toEqual({
      otpRefId: 'O1',
      referenceTid: 'T1',
      mobileHint: null,
    });
    expect(
      normaliseAepsSendOtp(env({ status: 0, response_status_id: 0, response_type_id: 1388, data: { otp_ref_id: 'O2', mobile_hint: 'XXXXXX1234' } })),
    ).toEqual({
      otpRefId: 'O2',
      referenceTid: null,
      mobileHint: 'XXXXXX1234',
    });
  });

  it('Daily KYC: rt 1713 success, 1714 failure', () => {
    expect(normaliseAepsDailyKyc(env({ status: 0, response_type_id: 1713, data: { user_code: '2081' } }))).toEqual({ userCode: '2081' });
    expect(normaliseAepsDailyKyc(env({ status: 1714, response_type_id: 1714, data: { reason: '' } }))).toBeNull();
  });
});
