import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { todayInIndia } from '../../lib/dates';
import { decryptAadhaar } from './aeps';
import { BANKS, isListedBank } from './banks';
import {
  AEPS_CUSTOMER_FIXTURES,
  AEPS_LOW_BALANCE,
  isAepsNotActivated,
  AEPS_OPENING_BALANCE,
  AEPS_WITHDRAWAL_FIXTURES,
  AEPS_WITHDRAWAL_MAX,
  AEPS_WITHDRAWAL_MIN,
} from './fixtures';
import { accountKey, aepsTimestamp, bankRef, javaDouble, rupees2, type TransactionKind, type TransactionRecord } from './money-state';
import { isMobile, isReply } from './recipients';
import { pidProblem } from './sender-ekyc';
import { type EkoReply, type EkoRequest, invalidParams, type SandboxRoute, type SandboxState } from './server';
import { applyStatus, recordTransaction } from './transactions';
import { wholeRupees } from './transfer';

// AePS-Fingpay cash withdrawal, balance enquiry and mini statement (docs/eko-api.md §8, §13).
//
// Contract notes (what is a sandbox assumption):
// - Paths, request fields, rt 1463/1464/1465, 1466, 1527/1528 and the data field names follow EPS
//   api-specs.ts ("aeps-fingpay-cash-withdrawal", "-balance-enquiry", "-mini-statement"): tid,
//   amount, bank, bank_ref_num, balance and customer_balance (the customer's bank balance after),
//   commission, tds, comment ("Request Completed"), transaction_date/_time (DD-MM-YY HH:MM:SS),
//   aadhar masked as XXXX XXXX 1234. Balance enquiry carries customer_balance only (EPS's example
//   has no `balance`). Whether live Fingpay answers exactly these fields is unconfirmed.
// - request_hash: a HEADER named `request_hash` (developers.eko.in/reference/aeps-transaction-api
//   "Header parameter request_hash generation process"; ekoindia/openapi-spec lists it among the
//   request headers) = base64(HMAC-SHA256(key = base64(access_key) as a string, message =
//   secret-key-timestamp + plain 12-digit Aadhaar + amount + user_code)); amount "0" for balance
//   enquiry and mini statement, and the withdrawal's amount exactly as sent in the body
//   otherwise. A missing or wrong one gets HTTP 403 {"message":"Forbidden: …request_hash"}, as a
//   bad secret-key does: the sandbox's choice. EPS never sends it (unconfirmed whether v3 needs it).
// - Checks in order: fields (invalid_params) → 346 (agent not activated) → 97 (Aadhaar not
//   PKCS#1 v1.5 under the sandbox key) → request_hash (403) → daily 2FA → PID → outcome.
// - Daily 2FA: a successful Daily KYC today (India calendar day) is required; otherwise cash
//   withdrawal and balance enquiry answer 1467 and mini statement 1528, both "Please do 2fa
//   before initiating transaction" (integrator reports; Eko documents neither).
// - The customer's PID must come from a capture WITHOUT a wadh attribute (a blank wadh counts as
//   one), be the sandbox's, and be used once; otherwise the call fails (1464 / 1528) with
//   "Authentication Failed. Invalid Biometric data.".
// - Withdrawals: whole rupees, multiples of ₹50, ₹100–₹10,000 (sandbox limits). Success credits
//   the agent wallet with the amount (Eko help page: the cash-out lands in the retailer's
//   E-value) and debits the customer's sandbox bank balance (₹12,500 opening; ₹40 for the
//   low-balance fixture). client_ref_id is optional; when sent it is single-use and inquirable.
// - Failure wording is NPCI/issuer-style and the sandbox's choice (see the README table).

const KIND_BY_PATH: Record<string, TransactionKind> = {
  'cash-withdrawl': 'aeps_cash_withdrawal',
  'balance-enquiry': 'aeps_balance_enquiry',
  'mini-statement': 'aeps_mini_statement',
};

const TWO_FA = 'Please do 2fa before initiating transaction';
const BAD_BIOMETRIC = 'Authentication Failed. Invalid Biometric data.';
const CUSTOMER_FAILURES: Record<string, string> = {
  [AEPS_CUSTOMER_FIXTURES.biometricMismatch]: 'Biometric data did not match. Ask the customer to clean the finger and try again',
  [AEPS_CUSTOMER_FIXTURES.notLinkedToBank]: 'Aadhaar number is not linked to the selected bank',
  [AEPS_CUSTOMER_FIXTURES.bankDown]: 'Issuer bank is not available (timed out at bank). Please try after some time',
};
const INSUFFICIENT_FUNDS = 'Insufficient funds in customer account';

/** The request_hash Eko expects for an AePS transaction (docs/eko-api.md §4). */
export function expectedRequestHash(accessKey: string, timestamp: string, aadhaar: string, amount: string, userCode: string): string {
  const key = Buffer.from(accessKey, 'utf8').toString('base64');
  return createHmac('sha256', key)
    .update(timestamp + aadhaar + amount + userCode, 'utf8')
    .digest('base64');
}

function requestHashProblem(headers: IncomingHttpHeaders, accessKey: string, aadhaar: string, amount: string, userCode: string): string | null {
  const given = headers['request_hash'];
  if (typeof given !== 'string') return headers['request-hash'] ? 'header must be named request_hash' : 'missing request_hash';
  const expected = Buffer.from(expectedRequestHash(accessKey, String(headers['secret-key-timestamp']), aadhaar, amount, userCode));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? null : 'bad request_hash';
}

const masked = (aadhaar: string) => `XXXX XXXX ${aadhaar.slice(-4)}`;
const bankName = (code: string) => BANKS.find((b) => b.code === code)?.name ?? code;

function aepsCommission(kind: TransactionKind, amount: number): number {
  if (kind === 'aeps_mini_statement') return 0.75;
  if (kind !== 'aeps_cash_withdrawal' || amount < 101) return 0;
  return amount <= 3000 ? Math.round(amount * 0.4) / 100 : 13;
}

function fieldProblems(req: EkoRequest, kind: TransactionKind, pathId: string): Record<string, string> | null {
  const { customer_id: mobile, latlong, bank_code: bankCode, client_ref_id: ref } = req.body;
  const problems: Record<string, string> = {};
  if (!isMobile(mobile)) problems.customer_id = 'Please enter a valid mobile number';
  else if (mobile !== pathId) problems.customer_id = 'customer_id must match the path';
  if (typeof latlong !== 'string' || !/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/.test(latlong)) problems.latlong = 'latlong is required as "lat,long"';
  if (!isListedBank(bankCode)) problems.bank_code = 'Please provide a valid bank_code';
  if (typeof req.body.piddata !== 'string' || !req.body.piddata.includes('<PidData')) problems.piddata = 'piddata is required';
  if (ref !== undefined && (typeof ref !== 'string' || !/^[A-Za-z0-9_-]{1,20}$/.test(ref))) {
    problems.client_ref_id = 'client_ref_id must be at most 20 letters, digits, - or _';
  } else if (typeof ref === 'string' && req.state.money.clientRefs.has(ref)) {
    problems.client_ref_id = 'Duplicate client_ref_id';
  }
  if (kind === 'aeps_cash_withdrawal') {
    const amount = wholeRupees(req.body.amount);
    if (amount === null || amount % 50 !== 0 || amount < AEPS_WITHDRAWAL_MIN || amount > AEPS_WITHDRAWAL_MAX) {
      problems.amount = `Amount should be a multiple of 50 between ${AEPS_WITHDRAWAL_MIN} and ${AEPS_WITHDRAWAL_MAX}`;
    }
  }
  return Object.keys(problems).length > 0 ? problems : null;
}

interface Context {
  kind: TransactionKind;
  aadhaar: string;
  userCode: string;
  bankCode: string;
  amount: number;
  clientRefId: string | null;
}

function baseData(c: Context, txn: TransactionRecord | null, state: SandboxState) {
  const now = txn?.createdAt ?? new Date();
  const balance = txn?.aeps ? state.money.bankBalances.get(txn.aeps.accountKey) : undefined;
  return {
    tid: txn?.tid ?? '',
    amount: rupees2(c.amount),
    bank: bankName(c.bankCode),
    user_code: c.userCode,
    aadhar: masked(c.aadhaar),
    shop: 'Agent Desk Sandbox Shop',
    sender_name: 'Agent Desk Sandbox Shop',
    merchantname: 'Agent Desk Sandbox Shop',
    merchant_code: '',
    customer_balance: balance === undefined ? '' : rupees2(balance),
    transaction_date: aepsTimestamp(now),
    transaction_time: aepsTimestamp(now),
    bank_ref_num: txn?.bankRefNum ?? '',
    client_ref_id: c.clientRefId ?? '',
  };
}

function failure(c: Context, reason: string, txn: TransactionRecord | null, state: SandboxState): EkoReply {
  const rt = c.kind === 'aeps_mini_statement' ? 1528 : 1464;
  return {
    json: {
      status: rt,
      response_status_id: 1,
      response_type_id: rt,
      message: 'Transaction Fail',
      data: { ...baseData(c, txn, state), tx_status: '1', reason, comment: reason, auth_code: '', stan: '', terminal_id: '' },
    },
  };
}

function miniStatement(state: SandboxState, key: string) {
  const ddmm = (daysAgo: number) => {
    const [, m, d] = todayInIndia(new Date(Date.now() - daysAgo * 86_400_000)).split('-');
    return `${d}/${m}`;
  };
  const withdrawals = [...state.money.transactions.values()]
    .filter((t) => t.aeps?.accountKey === key && t.kind === 'aeps_cash_withdrawal' && t.txStatus === '0')
    .reverse()
    .map((t) => ({ date: ddmm(0), amount: rupees2(t.amount), narration: `AEPS/W/${t.tid.slice(-6)}`, txnType: 'Dr' }));
  const history = [
    { date: ddmm(2), amount: '1200.00', narration: 'UPI/DR/KIRANA STORE', txnType: 'Dr' },
    { date: ddmm(5), amount: '2000.00', narration: 'PMKISAN/CR/INSTALMENT', txnType: 'Cr' },
    { date: ddmm(9), amount: '500.00', narration: 'ATM/W/004512', txnType: 'Dr' },
    { date: ddmm(14), amount: '6500.00', narration: 'NEFT/CR/WAGES', txnType: 'Cr' },
    { date: ddmm(20), amount: '350.00', narration: 'POS/W/MEDICAL', txnType: 'Dr' },
  ];
  return [...withdrawals, ...history].slice(0, 10);
}

function aepsTransaction(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const kind = KIND_BY_PATH[match[1]!]!;
  const problems = fieldProblems(req, kind, match[2]!);
  if (problems) return invalidParams(problems);
  const userCode = req.body.user_code as string;
  if (isAepsNotActivated(userCode))
    return { json: { status: 346, response_status_id: 1, response_type_id: 346, message: 'Agent not allowed to this transaction', data: {} } };
  const aadhaar = decryptAadhaar(req.body.aadhar);
  if (isReply(aadhaar)) return aadhaar;

  const amountText = kind === 'aeps_cash_withdrawal' ? String(req.body.amount) : '0';
  const hashProblem = requestHashProblem(req.headers, req.state.credentials.accessKey, aadhaar, amountText, userCode);
  if (hashProblem) return { httpStatus: 403, json: { message: `Forbidden: ${hashProblem}` } };

  const c: Context = {
    kind,
    aadhaar,
    userCode,
    bankCode: req.body.bank_code as string,
    amount: kind === 'aeps_cash_withdrawal' ? wholeRupees(req.body.amount)! : 0,
    clientRefId: typeof req.body.client_ref_id === 'string' ? req.body.client_ref_id : null,
  };
  if (req.state.aeps.get(userCode)?.dailyKycDay !== todayInIndia()) {
    if (kind === 'aeps_mini_statement') {
      return { json: { status: 1528, response_status_id: 1, response_type_id: 1528, message: TWO_FA, data: { reason: TWO_FA, comment: TWO_FA } } };
    }
    return { json: { status: 1467, response_status_id: 1, response_type_id: 1467, message: TWO_FA, data: { reason: TWO_FA } } };
  }
  // Without a wadh attribute at all: a customer's authentication, not an eKYC.
  if (pidProblem(req.state, req.body.piddata, null)) return failure(c, BAD_BIOMETRIC, null, req.state);

  const key = accountKey(aadhaar, c.bankCode);
  if (!req.state.money.bankBalances.has(key)) {
    req.state.money.bankBalances.set(key, aadhaar === AEPS_CUSTOMER_FIXTURES.lowBalance ? AEPS_LOW_BALANCE : AEPS_OPENING_BALANCE);
  }
  const record = (txStatus: string, timeline: string[] = [], reason = '') =>
    recordTransaction(req.state, {
      clientRefId: c.clientRefId,
      kind,
      userCode,
      customerId: req.body.customer_id as string,
      amount: c.amount,
      fee: 0,
      txStatus,
      timeline,
      bankRefNum: '',
      reason,
      aeps: { bankCode: c.bankCode, maskedAadhaar: masked(aadhaar), accountKey: key },
    });

  const customerFailure = CUSTOMER_FAILURES[aadhaar];
  if (customerFailure) return failure(c, customerFailure, record('1', [], customerFailure), req.state);
  if (kind === 'aeps_cash_withdrawal' && c.amount > req.state.money.bankBalances.get(key)!) {
    return failure(c, INSUFFICIENT_FUNDS, record('1', [], INSUFFICIENT_FUNDS), req.state);
  }

  const commission = aepsCommission(kind, c.amount);
  const money = { commission: javaDouble(commission), tds: javaDouble(Math.round(commission * 2) / 100), comment: 'Request Completed' };
  if (kind === 'aeps_balance_enquiry') {
    const txn = record('0');
    txn.bankRefNum = bankRef(txn.tid);
    return {
      json: { status: 0, response_status_id: 0, response_type_id: 1466, message: 'Transaction Successful', data: { ...baseData(c, txn, req.state), ...money } },
    };
  }
  if (kind === 'aeps_mini_statement') {
    const txn = record('0');
    return {
      json: {
        status: 0,
        response_status_id: 0,
        response_type_id: 1527,
        message: 'Transaction Successful',
        data: { ...baseData(c, txn, req.state), mini_statement_list: miniStatement(req.state, key), terminal_id: '', ...money },
      },
    };
  }

  const script = AEPS_WITHDRAWAL_FIXTURES[c.amount];
  if (script?.kind === 'pending') {
    const txn = record('2', [...script.then], '');
    return {
      json: {
        status: 0,
        response_status_id: 2,
        response_type_id: 1465,
        message: 'Transaction Pending',
        data: {
          ...baseData(c, txn, req.state),
          tx_status: '2',
          reason: 'Transaction Pending',
          comment: 'Transaction Pending',
          fee: '',
          service_tax: '0.00',
          totalfee: '0.00',
        },
      },
    };
  }
  const txn = record('2');
  applyStatus(req.state, txn, '0');
  const data = { ...baseData(c, txn, req.state), tx_status: '0', balance: rupees2(req.state.money.bankBalances.get(key)!), ...money };
  const reply: EkoReply = { json: { status: 0, response_status_id: 0, response_type_id: 1463, message: 'Transaction Successful', data } };
  return script?.kind === 'hang_after_success' ? { ...reply, transport: 'hang' } : reply;
}

export const aepsTransactionRoutes: SandboxRoute[] = [
  { method: 'POST', pattern: /^\/customer\/collection\/aeps-fingpay\/(cash-withdrawl|balance-enquiry|mini-statement)\/([^/]+)$/, handle: aepsTransaction },
];
