import { type EkoReply, type EkoRequest, invalidParams, pathSegment, type SandboxRoute } from './server';

// Bank reference look-ups: the bank list and IFSC details (docs/eko-api.md §13).
//
// Contract notes (what is a sandbox assumption):
// - IFSC details: path, rt 414 and the data fields follow EPS api-specs.ts ("get-ifsc-details").
//   An unknown IFSC answers status 521 "IFSC not found out in the system" and a malformed one
//   status 136 "Please provide valid IFSC format" (both from Eko's status table), each with
//   invalid_params.ifsc: the sandbox's choice, Eko documents no error for this endpoint.
// - Any well-formed IFSC whose first four letters are a listed bank resolves, with branch
//   "SANDBOX BRANCH"; the IFSC_FIXTURES below resolve to their own branch. Sandbox data, not a
//   directory: the branch names and most bank_id values are invented (IOBA 10 and IDFB 262 are
//   EPS's sample values).
// - Bank list: EPS leaves the response empty ("response pending"). The sandbox answers as public
//   integrator code reads it: `param_attributes.list_elements[{value, label}]` at the top level,
//   or under `data` when /__sandbox/config sets bankListShape "data". Its response_type_id is
//   unknown, so the sandbox sends none: do not route on it.

interface Bank {
  code: string;
  name: string;
  bankId: number;
}

export const BANKS: readonly Bank[] = [
  { code: 'SBIN', name: 'State Bank of India', bankId: 101 },
  { code: 'HDFC', name: 'HDFC Bank', bankId: 102 },
  { code: 'ICIC', name: 'ICICI Bank', bankId: 103 },
  { code: 'PUNB', name: 'Punjab National Bank', bankId: 104 },
  { code: 'BARB', name: 'Bank of Baroda', bankId: 105 },
  { code: 'UTIB', name: 'Axis Bank', bankId: 106 },
  { code: 'KKBK', name: 'Kotak Mahindra Bank', bankId: 107 },
  { code: 'CNRB', name: 'Canara Bank', bankId: 108 },
  { code: 'UBIN', name: 'Union Bank of India', bankId: 109 },
  { code: 'IOBA', name: 'Indian Overseas Bank', bankId: 10 },
  { code: 'BKID', name: 'Bank of India', bankId: 111 },
  { code: 'IDIB', name: 'Indian Bank', bankId: 112 },
  { code: 'UCBA', name: 'UCO Bank', bankId: 113 },
  { code: 'MAHB', name: 'Bank of Maharashtra', bankId: 114 },
  { code: 'CBIN', name: 'Central Bank of India', bankId: 115 },
  { code: 'PSIB', name: 'Punjab & Sind Bank', bankId: 116 },
  { code: 'IBKL', name: 'IDBI Bank', bankId: 117 },
  { code: 'YESB', name: 'Yes Bank', bankId: 118 },
  { code: 'IDFB', name: 'IDFC First Bank', bankId: 262 },
  { code: 'INDB', name: 'IndusInd Bank', bankId: 120 },
  { code: 'FDRL', name: 'Federal Bank', bankId: 121 },
  { code: 'KARB', name: 'Karnataka Bank', bankId: 122 },
  { code: 'KVBL', name: 'Karur Vysya Bank', bankId: 123 },
  { code: 'SIBL', name: 'South Indian Bank', bankId: 124 },
  { code: 'CIUB', name: 'City Union Bank', bankId: 125 },
  { code: 'TMBL', name: 'Tamilnad Mercantile Bank', bankId: 126 },
  { code: 'JAKA', name: 'Jammu & Kashmir Bank', bankId: 127 },
  { code: 'DLXB', name: 'Dhanlaxmi Bank', bankId: 128 },
  { code: 'CSBK', name: 'CSB Bank', bankId: 129 },
  { code: 'RATN', name: 'RBL Bank', bankId: 130 },
  { code: 'DCBL', name: 'DCB Bank', bankId: 131 },
  { code: 'BDBL', name: 'Bandhan Bank', bankId: 132 },
  { code: 'AUBL', name: 'AU Small Finance Bank', bankId: 133 },
  { code: 'ESFB', name: 'Equitas Small Finance Bank', bankId: 134 },
  { code: 'UJVN', name: 'Ujjivan Small Finance Bank', bankId: 135 },
  { code: 'SCBL', name: 'Standard Chartered Bank', bankId: 136 },
  { code: 'AIRP', name: 'Airtel Payments Bank', bankId: 137 },
  { code: 'PYTM', name: 'Paytm Payments Bank', bankId: 138 },
  { code: 'IPOS', name: 'India Post Payments Bank', bankId: 139 },
  { code: 'FINO', name: 'Fino Payments Bank', bankId: 140 },
  { code: 'NSPB', name: 'NSDL Payments Bank', bankId: 141 },
  { code: 'JIOP', name: 'Jio Payments Bank', bankId: 142 },
];

const BY_CODE = new Map(BANKS.map((b) => [b.code, b]));

export const isListedBank = (code: unknown): code is string => typeof code === 'string' && BY_CODE.has(code);

/** IFSCs with a branch of their own (the recipient fixtures use these). */
export const IFSC_FIXTURES: Record<string, { bank: string; branch: string; bankId: number }> = {
  SBIN0000691: { bank: 'STATE BANK OF INDIA', branch: 'NEW DELHI MAIN BRANCH', bankId: 101 },
  HDFC0000240: { bank: 'HDFC BANK', branch: 'LUCKNOW - HAZRATGANJ', bankId: 102 },
  PUNB0112000: { bank: 'PUNJAB NATIONAL BANK', branch: 'PATNA - GANDHI MAIDAN', bankId: 104 },
  IOBA0002248: { bank: 'INDIAN OVERSEAS BANK', branch: 'SANGLI', bankId: 10 },
  ICIC0000104: { bank: 'ICICI BANK', branch: 'JAIPUR - MI ROAD', bankId: 103 },
  IDFB0080202: { bank: 'IDFC FIRST BANK', branch: 'MUMBAI - BKC', bankId: 262 },
  KKBK0000878: { bank: 'KOTAK MAHINDRA BANK', branch: 'BENGALURU - MG ROAD', bankId: 107 },
  UTIB0000004: { bank: 'AXIS BANK', branch: 'AHMEDABAD - NAVRANGPURA', bankId: 106 },
  BARB0VARANA: { bank: 'BANK OF BARODA', branch: 'VARANASI', bankId: 105 },
  AIRP0000001: { bank: 'AIRTEL PAYMENTS BANK', branch: 'NEW DELHI', bankId: 137 },
  PYTM0123456: { bank: 'PAYTM PAYMENTS BANK', branch: 'NOIDA', bankId: 138 },
  IPOS0000001: { bank: 'INDIA POST PAYMENTS BANK', branch: 'NEW DELHI', bankId: 139 },
};

export const IFSC_FORMAT = /^[A-Z]{4}0[A-Z0-9]{6}$/;

/** The IFSC's bank and branch, or null when the sandbox does not know the bank. */
export function resolveIfsc(ifsc: string): { bank: string; branch: string; bankId: number } | null {
  const fixture = IFSC_FIXTURES[ifsc];
  if (fixture) return fixture;
  const bank = BY_CODE.get(ifsc.slice(0, 4));
  return bank ? { bank: bank.name.toUpperCase(), branch: 'SANDBOX BRANCH', bankId: bank.bankId } : null;
}

export const ifscFormatProblem = (): EkoReply => invalidParams({ ifsc: 'Please provide valid IFSC format' }, 136);
export const ifscUnknown = (): EkoReply => ({
  json: {
    status: 521,
    response_status_id: 1,
    response_type_id: -1,
    message: 'IFSC not found out in the system',
    invalid_params: { ifsc: 'IFSC not found out in the system' },
  },
});

function ifscDetails(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const ifsc = pathSegment(match[1]!).toUpperCase();
  if (!IFSC_FORMAT.test(ifsc)) return ifscFormatProblem();
  const found = resolveIfsc(ifsc);
  if (!found) return ifscUnknown();
  return {
    json: {
      status: 0,
      response_status_id: -1,
      response_type_id: 414,
      message: 'Success ! Found bank Details for given Ifsc',
      data: {
        bank: found.bank,
        isverificationavailable: '1',
        ifsc_status: 3,
        user_code: req.query.get('user_code'),
        bank_id: found.bankId,
        available_channels: 0,
        ifsc,
        branch: found.branch,
      },
    },
  };
}

function bankList(req: EkoRequest): EkoReply {
  const list = { param_attributes: { list_elements: BANKS.map((b) => ({ value: b.code, label: b.name })) } };
  const envelope = { status: 0, response_status_id: -1, message: 'Success' };
  return { json: req.state.bankListShape === 'data' ? { ...envelope, data: list } : { ...envelope, ...list } };
}

export const bankRoutes: SandboxRoute[] = [
  { method: 'GET', pattern: /^\/tools\/reference\/banks\/ifsc\/([^/]+)$/, handle: ifscDetails },
  { method: 'GET', pattern: /^\/tools\/reference\/banks$/, handle: bankList },
];
