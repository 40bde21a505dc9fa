import { randomBytes } from 'node:crypto';
import { EKYC_WADH } from '../../lib/rd/pid-options';
import { isValidAadhaar } from '../../lib/aadhaar/verhoeff';
import { readSandboxPid } from '../rd/pid';
import { AADHAAR_FIXTURES, OTP_EXPIRED, SANDBOX_OTP } from './fixtures';
import { type EkoReply, type EkoRequest, invalidParams, lookupSender, type SandboxRoute, type SandboxState } from './server';

// DMT-Fino Sender eKYC and Validate eKYC OTP (docs/eko-api.md §7), with the documented outcomes.

const EKYC_PATH = /^\/customer\/payment\/dmt-fino\/sender\/([^/]+)\/otp$/;
const VERIFY_PATH = /^\/customer\/payment\/dmt-fino\/sender\/([^/]+)\/otp\/verify$/;
const EKYC_LIMIT = 25_000;

const failure2135 = (description: string): EkoReply => ({
  json: { status: 2135, response_status_id: 1, response_type_id: 2135, message: 'EKYC Failed', data: { description } },
});
const K100 = () => failure2135('K-100 EKYC Verification failed');

/**
 * A PID must be the sandbox's, made with the expected wadh (null: no wadh attribute at all, as for
 * AePS transactions), and used once (the real service refuses reuse).
 */
export function pidProblem(state: SandboxState, piddata: unknown, expectedWadh: string | null): 'missing' | 'foreign' | 'wrong_wadh' | 'reused' | null {
  if (typeof piddata !== 'string' || !piddata.includes('<PidData')) return 'missing';
  const facts = readSandboxPid(piddata);
  if (!facts) return 'foreign';
  if (state.usedPidNonces.has(facts.nonce)) return 'reused';
  state.usedPidNonces.add(facts.nonce);
  return facts.wadh === expectedWadh ? null : 'wrong_wadh';
}

function senderEkyc(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const mobile = match[1]!;
  const { aadhar, piddata } = req.body;
  if (typeof aadhar !== 'string' || !isValidAadhaar(aadhar)) return invalidParams({ aadhar: 'Please enter a valid Aadhaar number' });
  if (typeof piddata !== 'string' || piddata.trim() === '') return invalidParams({ piddata: 'piddata is required' });

  const sender = lookupSender(req.state, mobile);
  if (!sender) return { json: { status: 463, response_status_id: 463, response_type_id: -1, message: 'Customer not found', data: {} } };
  if (sender.kind === 'kyc_verified') {
    return { json: { status: 585, response_status_id: 585, response_type_id: -1, message: 'Customer already KYC approved', data: {} } };
  }
  // A wrong wadh only shows up here, as a failed verification.
  if (pidProblem(req.state, piddata, EKYC_WADH)) return K100();
  if (aadhar === AADHAAR_FIXTURES.verificationFailed) return K100();
  if (aadhar === AADHAAR_FIXTURES.bankRelationship) return failure2135('Sorry! Since you already have an existing relationship with the bank');

  const kycRequestId = `KYC${randomBytes(6).toString('hex').toUpperCase()}`;
  const otpRefId = `OTPREF${randomBytes(6).toString('hex').toUpperCase()}`;
  req.state.pendingEkyc.set(kycRequestId, { mobile, otpRefId });
  req.state.senders.set(mobile, { ...sender, kind: 'otp_pending' });
  req.state.ekycHistory.set(mobile, sender);

  if (req.state.shape === 'seed') {
    return {
      json: {
        status: 0,
        response_status_id: 0,
        response_type_id: 1388,
        message: 'OTP sent for eKYC verification',
        data: { kyc_request_id: kycRequestId, otp_ref_id: otpRefId, mobile: `XXXXXX${mobile.slice(-4)}` },
      },
    };
  }
  return {
    json: {
      status: 0,
      response_status_id: 0,
      response_type_id: 2129,
      message: 'Validate the OTP',
      data: { user_code: req.body.user_code, intent_id: `INT${randomBytes(4).toString('hex')}`, kyc_request_id: kycRequestId, otp_ref_id: otpRefId },
    },
  };
}

function validateOtp(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const mobile = match[1]!;
  const { otp, otp_ref_id: otpRefId, kyc_request_id: kycRequestId } = req.body;
  if (typeof otp !== 'string' || !/^\d{4,8}$/.test(otp)) return invalidParams({ otp: 'Please enter a valid OTP' });
  const sender = lookupSender(req.state, mobile);
  if (sender?.kind === 'kyc_verified') {
    return { json: { status: 2131, response_status_id: 1, response_type_id: 2131, message: 'Customer Already registred', data: {} } };
  }
  const pending = typeof kycRequestId === 'string' ? req.state.pendingEkyc.get(kycRequestId) : undefined;
  if (!pending || pending.mobile !== mobile || pending.otpRefId !== otpRefId) {
    return invalidParams({ otp_ref_id: 'Invalid otp_ref_id or kyc_request_id' });
  }
  if (otp === OTP_EXPIRED) {
    req.state.pendingEkyc.delete(kycRequestId as string);
    return { json: { status: 2131, response_status_id: 303, response_type_id: 2131, message: 'OTP expired', data: {} } };
  }
  if (otp !== SANDBOX_OTP) return { json: { status: 2131, response_status_id: 302, response_type_id: 2131, message: 'Wrong OTP', data: {} } };

  req.state.pendingEkyc.delete(kycRequestId as string);
  const before = req.state.ekycHistory.get(mobile) ?? sender;
  const used = before && 'used' in before ? before.used : 0;
  req.state.senders.set(mobile, { kind: 'kyc_verified', name: before?.name ?? 'Verified Sender', dob: before?.dob ?? '1990-01-01', monthly: EKYC_LIMIT, used });
  const json = { status: 0, response_status_id: 0, message: 'Customer Registration Completed', data: { user_code: req.body.user_code } };
  return { json: { ...json, response_type_id: req.state.shape === 'seed' ? 1388 : 2132 } };
}

export const senderEkycRoutes: SandboxRoute[] = [
  { method: 'PUT', pattern: EKYC_PATH, handle: senderEkyc },
  { method: 'PUT', pattern: VERIFY_PATH, handle: validateOtp },
];
