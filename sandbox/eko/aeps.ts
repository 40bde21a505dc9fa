import { randomBytes } from 'node:crypto';
import { isValidAadhaar } from '../../lib/aadhaar/verhoeff';
import { todayInIndia } from '../../lib/dates';
import { EKYC_WADH } from '../../lib/rd/pid-options';
import { decryptPkcs1 } from './aadhaar-key';
import { AEPS_DAILY_FAILS_AADHAAR, isAepsNotActivated, SANDBOX_OTP } from './fixtures';
import { pidProblem } from './sender-ekyc';
import { type EkoReply, type EkoRequest, invalidParams, type SandboxRoute } from './server';

// AePS-Fingpay one-time eKYC (Send OTP → Verify OTP → Biometric) and Daily KYC (docs/eko-api.md §8).
// The Aadhaar must arrive RSA PKCS#1 v1.5-encrypted to the sandbox's key, as Eko requires.

const BASE = '/user/collection/aeps-fingpay/kyc';
const ref = (prefix: string) => `${prefix}${randomBytes(5).toString('hex').toUpperCase()}`;

const reply = (status: number, responseTypeId: number, message: string, data: Record<string, unknown> = {}): EkoReply => ({
  json: { status, response_status_id: status === 0 ? 0 : 1, response_type_id: responseTypeId, message, data },
});
const fail461 = (reason: string) => reply(461, 461, 'Failed', { reason });
const fail1714 = (reason: string) => reply(1714, 1714, 'KYC Fail', { reason });

/** The Aadhaar in `aadhar`, or Eko's 97 when it is not PKCS#1 v1.5 under the sandbox key (OAEP, plain, other key). */
export function decryptAadhaar(aadhar: unknown): string | EkoReply {
  const aadhaar = typeof aadhar === 'string' ? decryptPkcs1(aadhar) : null;
  if (!aadhaar || !isValidAadhaar(aadhaar))
    return {
      json: {
        status: 97,
        response_status_id: 1,
        response_type_id: -1,
        message: 'Invalid parameters',
        invalid_params: { aadhar: 'Invalid Aadhaar number or encryption' },
      },
    };
  return aadhaar;
}

/** Common checks of every AePS call; returns the decrypted Aadhaar or the reply to send. */
function common(req: EkoRequest): { aadhaar: string; userCode: string } | EkoReply {
  const { customer_id: mobile, latlong, aadhar, user_code: userCode } = req.body;
  if (typeof mobile !== 'string' || !/^[6-9]\d{9}$/.test(mobile)) return invalidParams({ customer_id: 'Please enter a valid mobile number' });
  if (typeof latlong !== 'string' || !/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/.test(latlong))
    return invalidParams({ latlong: 'latlong is required as "lat,long"' });
  if (isAepsNotActivated(userCode)) return reply(346, 346, 'Agent not allowed to this transaction');
  const aadhaar = decryptAadhaar(aadhar);
  if (isReply(aadhaar)) return aadhaar;
  return { aadhaar, userCode: userCode as string };
}

const isReply = (v: unknown): v is EkoReply => typeof v === 'object' && v !== null && 'json' in v;

function sendOtp(req: EkoRequest): EkoReply {
  const c = common(req);
  if (isReply(c)) return c;
  const otp = { otpRefId: ref('AOTP'), referenceTid: ref('TID') };
  req.state.aeps.set(c.userCode, { ...req.state.aeps.get(c.userCode), otp, verified: undefined, ekycDone: req.state.aeps.get(c.userCode)?.ekycDone ?? false });
  if (req.state.shape === 'seed')
    return reply(0, 1388, 'OTP sent', { otp_ref_id: otp.otpRefId, mobile_hint: `XXXXXX${(req.body.customer_id as string).slice(-4)}` });
  return reply(0, 1600, 'OTP request has been sent', { reference_tid: otp.referenceTid, otp_ref_id: otp.otpRefId });
}

function verifyOtp(req: EkoRequest): EkoReply {
  const c = common(req);
  if (isReply(c)) return c;
  const agent = req.state.aeps.get(c.userCode);
  const { otp, otp_ref_id: otpRefId, reference_tid: referenceTid } = req.body;
  const known = agent?.otp && agent.otp.otpRefId === otpRefId && (req.state.shape === 'seed' || agent.otp.referenceTid === referenceTid);
  if (!known || otp !== SANDBOX_OTP) return fail461('The details entered are incorrect or the OTP has expired. Please try again.');
  const verified = { otpRefId: ref('AOTP'), referenceTid: ref('TID') };
  req.state.aeps.set(c.userCode, { ...agent, otp: undefined, verified, ekycDone: agent?.ekycDone ?? false });
  return reply(0, 1604, 'Validation successful', { reference_tid: verified.referenceTid, otp_ref_id: verified.otpRefId });
}

function biometricEkyc(req: EkoRequest): EkoReply {
  const c = common(req);
  if (isReply(c)) return c;
  const agent = req.state.aeps.get(c.userCode);
  const { otp_ref_id: otpRefId, reference_tid: referenceTid, piddata } = req.body;
  if (!agent?.verified || agent.verified.otpRefId !== otpRefId || agent.verified.referenceTid !== referenceTid) {
    return fail461('Merchant is Inactive or Invalid Details');
  }
  if (pidProblem(req.state, piddata, EKYC_WADH)) return fail461('Authentication Failed. Invalid Biometric data.');
  req.state.aeps.set(c.userCode, { ...agent, verified: undefined, ekycDone: true });
  return reply(0, 1605, 'Congratulations! eKYC successful', { user_code: c.userCode });
}

function dailyKyc(req: EkoRequest): EkoReply {
  const c = common(req);
  if (isReply(c)) return c;
  if (!req.state.aeps.get(c.userCode)?.ekycDone) return fail1714('Please complete bank eKYC to process the transaction.');
  // Daily authentication is captured with a blank wadh.
  if (pidProblem(req.state, req.body.piddata, '')) return fail1714('Authentication Failed. Invalid Biometric data.');
  if (c.aadhaar === AEPS_DAILY_FAILS_AADHAAR) return fail1714('');
  // AePS transactions check this day (India's calendar) before anything else about the customer.
  req.state.aeps.set(c.userCode, { ...req.state.aeps.get(c.userCode)!, dailyKycDay: todayInIndia() });
  return reply(0, 1713, 'KYC sucess', { user_code: c.userCode });
}

export const aepsRoutes: SandboxRoute[] = [
  { method: 'POST', pattern: new RegExp(`^${BASE}/otp$`), handle: sendOtp },
  { method: 'PUT', pattern: new RegExp(`^${BASE}/otp/verify$`), handle: verifyOtp },
  { method: 'PUT', pattern: new RegExp(`^${BASE}/biometric$`), handle: biometricEkyc },
  { method: 'PUT', pattern: new RegExp(`^${BASE}/biometric/daily$`), handle: dailyKyc },
];
