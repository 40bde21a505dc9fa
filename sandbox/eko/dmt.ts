import { SENDER_FIXTURES } from './fixtures';
import { type EkoReply, type EkoRequest, invalidParams, lookupSender, type SandboxRoute, type SenderRecord } from './server';

// DMT-Fino sender endpoints of the sandbox (docs/eko-api.md §7), in both response shapes.

const SENDER_PATH = /^\/customer\/payment\/dmt-fino\/sender\/([^/]+)$/;
const NON_KYC_LIMIT = 5_000;
const money = (n: number) => `${n.toFixed(1)}`; // the current reference sends limits as strings

function invalidMobile(mobile: string): EkoReply | null {
  return /^[6-9]\d{9}$/.test(mobile) ? null : invalidParams({ customer_id: 'Please enter a valid 10 digit mobile number' });
}

function currentSender(mobile: string, s: SenderRecord | null): EkoReply {
  if (!s) {
    return { json: { status: 308, response_status_id: 1, response_type_id: 308, message: 'Failure!Customer Not Enrolled', data: { ekyc_enabled: '' } } };
  }
  if (s.kind === 'kyc_pending') {
    return { json: { status: 0, response_status_id: 0, response_type_id: 2134, message: 'Customer KYC Pending', data: { otp_ref_id: '' } } };
  }
  if (s.kind === 'otp_pending') {
    return {
      json: { status: 0, response_status_id: 0, response_type_id: 2129, message: 'Validate the OTP', data: { otp_ref_id: `OTPREF${mobile.slice(-6)}` } },
    };
  }
  const kycState = s.kind === 'kyc_verified' ? 1 : 0;
  const remaining = Math.max(s.monthly - s.used, 0);
  return {
    json: {
      status: 0,
      response_status_id: -1,
      response_type_id: 309,
      message: 'Success!',
      data: {
        is_registered: 1,
        next_allowed_limit: money(remaining),
        kyc_state: kycState,
        customer_profile: {
          name: s.name,
          mobile,
          balance: '0.0',
          total_monthly_limit: money(s.monthly),
          next_allowed_limit: money(remaining),
          kyc_state: kycState,
          chart: [{ data_type_id: 1, data: { unavailable: 0, used: s.used, remaining }, label: 'Monthly Limit' }],
        },
      },
    },
  };
}

function seedSender(mobile: string, s: SenderRecord | null): EkoReply {
  if (!s) {
    return { json: { status: 463, response_status_id: 463, response_type_id: -1, message: 'Customer not found', data: {} } };
  }
  const pending = s.kind === 'kyc_pending' || s.kind === 'otp_pending';
  const limits =
    s.kind === 'kyc_verified' || s.kind === 'not_kyc' ? { available_limit: Math.max(s.monthly - s.used, 0), used_limit: s.used, monthly_limit: s.monthly } : {};
  return {
    json: {
      status: 0,
      response_status_id: 0,
      response_type_id: 1388,
      message: 'Sender profile fetched',
      data: {
        customer_id: mobile,
        name: s.name,
        dob: s.dob,
        kyc_verified: s.kind === 'kyc_verified',
        ...limits,
        state: pending ? 10 : 0,
      },
    },
  };
}

function getSender(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const mobile = match[1]!;
  const bad = invalidMobile(mobile);
  if (bad) return bad;
  const sender = lookupSender(req.state, mobile);
  return req.state.shape === 'seed' ? seedSender(mobile, sender) : currentSender(mobile, sender);
}

const ADDRESS_PARTS = ['line', 'city', 'state', 'pincode', 'district', 'area'] as const;

function addressProblem(raw: unknown): string | null {
  if (typeof raw !== 'string') return 'residence_address must be a JSON-encoded string';
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'residence_address must be a JSON-encoded string';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'residence_address must be a JSON object';
  const address = parsed as Record<string, unknown>;
  const missing = ADDRESS_PARTS.filter((p) => typeof address[p] !== 'string' || (address[p] as string).trim() === '');
  if (missing.length > 0) return `residence_address is missing ${missing.join(', ')}`;
  if (!/^[1-9]\d{5}$/.test(address.pincode as string)) return 'Please enter a valid 6 digit pincode';
  return null;
}

function isRealPastDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value) && d.getTime() < Date.now();
}

function onboardSender(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const mobile = match[1]!;
  const bad = invalidMobile(mobile);
  if (bad) return bad;
  const { name, dob, residence_address: address } = req.body;

  if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z ]*$/.test(name.trim())) {
    return invalidParams({ name: 'Name should contain alphabets only' }, 132);
  }
  const problems: Record<string, string> = {};
  if (!isRealPastDate(dob)) problems.dob = 'Please enter a valid date of birth (YYYY-MM-DD)';
  const addressIssue = addressProblem(address);
  if (addressIssue) problems.residence_address = addressIssue;
  if (Object.keys(problems).length > 0) return invalidParams(problems);

  const existing = lookupSender(req.state, mobile);
  if (existing?.kind === 'kyc_verified') {
    return currentSender(mobile, existing); // rt 309: already KYC'd
  }
  if (existing) {
    return { json: { status: 17, response_status_id: 17, response_type_id: -1, message: 'User wallet already exists', data: {} } };
  }

  const fixture = SENDER_FIXTURES[mobile];
  const onboardAs = fixture?.kind === 'not_enrolled' ? fixture.onboardAs : 'kyc_pending';
  const record: SenderRecord =
    onboardAs === 'wallet_opened'
      ? { kind: 'not_kyc', name: name.trim(), dob: dob as string, monthly: NON_KYC_LIMIT, used: 0 }
      : { kind: 'kyc_pending', name: name.trim(), dob: dob as string };
  req.state.senders.set(mobile, record);

  if (req.state.shape === 'seed') {
    return { json: { status: 0, response_status_id: 0, response_type_id: 1388, message: 'Sender registered', data: { customer_id: mobile } } };
  }
  if (onboardAs === 'wallet_opened') {
    return {
      json: {
        status: 0,
        response_status_id: 0,
        response_type_id: 300,
        message: 'Wallet opened successfully.',
        data: { customer_id_type: 'mobile_number', state_desc: 'Non-Kyc', state: '2', customer_id: mobile },
      },
    };
  }
  return { json: { status: 0, response_status_id: 0, response_type_id: 2134, message: 'Customer KYC Pending', data: { otp_ref_id: '' } } };
}

export const dmtRoutes: SandboxRoute[] = [
  { method: 'GET', pattern: SENDER_PATH, handle: getSender },
  { method: 'POST', pattern: SENDER_PATH, handle: onboardSender },
];
