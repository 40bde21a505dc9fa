import { OTP_EXPIRED, SANDBOX_OTP, TRANSFER_FIXTURES, TRANSFER_MAX, TRANSFER_MIN, TXN_OTP_MAX_WRONG, TXN_OTP_TTL_MS, type TransferScript } from './fixtures';
import { bankRef, javaDouble, moveWallet, newOtpRef, rupees2, type TransactionRecord, walletOf } from './money-state';
import { isMobile, isReply, recipientsOf, type TransactingSender, transactingSender } from './recipients';
import { type EkoReply, type EkoRequest, invalidParams, type SandboxRoute, type SandboxState } from './server';
import { moveSenderUsed, recordTransaction, txstatusDesc } from './transactions';

// DMT-Fino Send Transaction OTP and Initiate Transfer (docs/eko-api.md §7, §13).
//
// Contract notes (what is a sandbox assumption):
// - Requests follow EPS (2026-07-24): recipient_id, amount, customer_id (+ otp, otp_ref_id,
//   client_ref_id on the transfer). The fields EPS removed (latlong, state, channel,
//   recipient_id_type) are ignored if sent. request_hash is not checked here (EPS never sends it
//   for DMT; whether Eko wants it is unconfirmed).
// - Shapes follow EPS's examples: Send OTP status 0, rt 2133, data.otp_ref_id (a numeric string);
//   36 / 945 with `data: {}`; the transfer's rt 325 data; declines status 55, rsid 1, rt 55,
//   "Transaction declined. Please try after sometime.", data{tx_status "1", txstatus_desc
//   "Failed", reason}. The awaited example has no response_type_id, so non-final answers (tx_status
//   2, 5, 6 and the unknown 9) carry none: read data.tx_status.
// - "Insufficient balance" answers status 347 (Eko's status table) with rt 55 and the decline data;
//   EPS's own example says status 55 for the same reason. PUT /__sandbox/config
//   {"insufficientBalanceStatus": 55} switches to that. Route on data.tx_status + reason.
// - Expired OTP wording is the sandbox's: reason "OTP expired" (the OTP 000000, or an OTP older
//   than 10 min). Three wrong OTPs kill the ref: "OTP attempts exhausted. Please try again after
//   15 min." (Eko help page wording). A wrong OTP leaves the ref usable otherwise.
// - Validation refusals carry invalid_params, no tx_status, and move no money: amount not a whole
//   number of rupees or outside ₹100–₹5,000; otp_ref_id unknown; recipient_id, customer_id or
//   amount different from the OTP's (the sandbox's reading of "amount = the OTP's");
//   client_ref_id missing, over 20 characters or not [A-Za-z0-9_-].
// - client_ref_id is single-use from the moment a transfer passes validation (every decline
//   included). A reused one answers status 1, invalid_params.client_ref_id "Duplicate
//   client_ref_id" and touches nothing: inquire by client_ref_id for the first attempt's fate.
// - Declines that never reach the bank (wrong/expired/exhausted OTP, limit, balance) carry no tid;
//   "OTP already Consumed" and "bank not available" carry a tid, amount, client_ref_id and balance
//   (as EPS's consumed example does) and are recorded as failed (inquiry finds them, tx_status 1).
// - Pricing (EPS payments-pricing.ts): fee = 1% of the amount, at least ₹10. Amounts are whole
//   rupees, so 1% is exact to the paisa and nothing is rounded. service_tax = the GST inside the
//   fee (fee × 18/118, rounded to the paisa); commission from EPS's DMT slabs; tds = 2% of it.
//   The agent wallet is debited amount + fee (collectable_amount) when the transfer is accepted.
// - The sender's limit is taken at acceptance (success and every awaited variant) and given back
//   on failure or refund; Get Sender shows the new figures.

const DMT_COMMISSION_SLABS: readonly [upTo: number, commission: number][] = [
  [1000, 2.87],
  [1100, 3.72],
  [1200, 4.57],
  [1300, 5.42],
  [1400, 6.26],
  [1500, 7.11],
  [1600, 7.96],
  [1700, 8.81],
  [1800, 9.65],
  [1900, 10.5],
  [2000, 11.35],
  [2500, 15.59],
  [3000, 19.82],
  [3500, 24.06],
  [4000, 28.3],
  [4500, 32.54],
  [5000, 36.77],
];

export function transferPricing(amount: number) {
  const feePaise = Math.max(1000, amount); // 1% of ₹amount is `amount` paise
  const commission = DMT_COMMISSION_SLABS.find(([upTo]) => amount <= upTo)?.[1] ?? 0;
  return {
    fee: feePaise / 100,
    serviceTax: Math.round((feePaise * 18) / 118) / 100,
    commission,
    tds: Math.round(commission * 100 * 0.02) / 100,
  };
}

/** A whole number of rupees, sent as a JSON number or a digit string. */
export function wholeRupees(v: unknown): number | null {
  if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) return v;
  if (typeof v === 'string' && /^[1-9]\d{0,8}$/.test(v)) return Number(v);
  return null;
}
const recipientIdOf = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) ? v : typeof v === 'string' && /^\d{1,12}$/.test(v) ? Number(v) : null;

const available = (s: TransactingSender) => Math.max(s.monthly - s.used, 0);
const scriptFor = (amount: number): TransferScript | undefined => TRANSFER_FIXTURES[amount];

function amountProblem(raw: unknown): string | null {
  const amount = wholeRupees(raw);
  if (amount === null) return 'Amount should be a whole number of rupees';
  if (amount < TRANSFER_MIN || amount > TRANSFER_MAX) return `Amount should be between ${TRANSFER_MIN} and ${TRANSFER_MAX}`;
  return null;
}

function sendOtp(req: EkoRequest): EkoReply {
  const sender = transactingSender(req.state, req.body.customer_id);
  if (isReply(sender)) return sender;
  const mobile = req.body.customer_id as string;
  const recipientId = recipientIdOf(req.body.recipient_id);
  const problems: Record<string, string> = {};
  const amountIssue = amountProblem(req.body.amount);
  if (amountIssue) problems.amount = amountIssue;
  if (recipientId === null) problems.recipient_id = 'Please provide a valid recipient_id';
  if (Object.keys(problems).length > 0) return invalidParams(problems);
  if (!recipientsOf(req.state, mobile).some((r) => r.recipientId === recipientId)) {
    return invalidParams({ recipient_id: 'Recipient registration not done' }, 313);
  }
  const amount = wholeRupees(req.body.amount)!;
  const script = scriptFor(amount);
  if (script?.kind === 'otp_refused' && script.status === 945) {
    return { json: { status: 945, response_type_id: 945, response_status_id: 1, message: 'Beneficiary monthly limit exhausted', data: {} } };
  }
  if ((script?.kind === 'otp_refused' && script.status === 36) || amount > available(sender)) {
    return { json: { status: 36, response_type_id: 36, response_status_id: 1, message: 'Sender/beneficiary monthly limit exhausted', data: {} } };
  }
  const otpRefId = newOtpRef(req.state.money);
  req.state.money.txnOtps.set(otpRefId, {
    customerId: mobile,
    recipientId: recipientId!,
    amount,
    otp: SANDBOX_OTP,
    issuedAt: Date.now(),
    consumed: false,
    wrongTries: 0,
    dead: null,
  });
  return { json: { status: 0, response_status_id: 0, response_type_id: 2133, message: 'Send OTP', data: { otp_ref_id: otpRefId } } };
}

function transferFields(body: Record<string, unknown>): Record<string, string> | null {
  const problems: Record<string, string> = {};
  if (!isMobile(body.customer_id)) problems.customer_id = 'Please enter a valid 10 digit mobile number';
  if (recipientIdOf(body.recipient_id) === null) problems.recipient_id = 'Please provide a valid recipient_id';
  const amountIssue = amountProblem(body.amount);
  if (amountIssue) problems.amount = amountIssue;
  if ((typeof body.otp !== 'string' && typeof body.otp !== 'number') || !/^\d{4,8}$/.test(String(body.otp))) problems.otp = 'Please enter a valid OTP';
  if (typeof body.otp_ref_id !== 'string' || body.otp_ref_id === '') problems.otp_ref_id = 'otp_ref_id is required';
  const ref = body.client_ref_id;
  if (typeof ref !== 'string' || ref === '') problems.client_ref_id = 'client_ref_id is required';
  else if (!/^[A-Za-z0-9_-]{1,20}$/.test(ref)) problems.client_ref_id = 'client_ref_id must be at most 20 letters, digits, - or _';
  return Object.keys(problems).length > 0 ? problems : null;
}

interface DeclineOptions {
  status?: number;
  txn?: TransactionRecord;
  clientRefId: string;
  balance: number;
}

function decline(reason: string, o: DeclineOptions): EkoReply {
  return {
    json: {
      status: o.status ?? 55,
      response_status_id: 1,
      response_type_id: 55,
      message: 'Transaction declined. Please try after sometime.',
      data: {
        tx_status: '1',
        txstatus_desc: 'Failed',
        reason,
        ...(o.txn ? { amount: rupees2(o.txn.amount), tid: o.txn.tid, client_ref_id: o.clientRefId, balance: javaDouble(o.balance) } : {}),
      },
    },
  };
}

const LIMIT_REASON = 'Sender/beneficiary monthly limit exhausted';
const BALANCE_REASON = 'Insufficient balance';
const BANK_DOWN_REASON = 'Transaction not processed. Bank is not available now';

function transferData(state: SandboxState, txn: TransactionRecord, sender: TransactingSender) {
  const p = transferPricing(txn.amount);
  return {
    tx_status: txn.txStatus,
    txstatus_desc: txstatusDesc(txn.txStatus),
    tid: txn.tid,
    amount: rupees2(txn.amount),
    fee: javaDouble(p.fee),
    collectable_amount: javaDouble(txn.amount + p.fee),
    service_tax: javaDouble(p.serviceTax),
    tds: javaDouble(p.tds),
    commission: javaDouble(p.commission),
    sender_name: sender.name,
    recipient_name: txn.dmt!.recipientName,
    recipient_id: txn.dmt!.recipientId,
    bank: txn.dmt!.bank,
    account: txn.dmt!.account,
    channel_desc: 'IMPS',
    bank_ref_num: txn.bankRefNum,
    balance: javaDouble(walletOf(state.money, txn.userCode)),
    client_ref_id: txn.clientRefId,
    currency: 'INR',
    timestamp: txn.createdAt.toISOString(),
  };
}

const AWAITED_MESSAGES: Record<string, string> = { '5': 'Transaction on hold', '6': 'Response awaited' };

function initiateTransfer(req: EkoRequest): EkoReply {
  const problems = transferFields(req.body);
  if (problems) return invalidParams(problems);
  const sender = transactingSender(req.state, req.body.customer_id);
  if (isReply(sender)) return sender;
  const money = req.state.money;
  const mobile = req.body.customer_id as string;
  const amount = wholeRupees(req.body.amount)!;
  const recipientId = recipientIdOf(req.body.recipient_id)!;
  const clientRefId = req.body.client_ref_id as string;
  const otpRefId = req.body.otp_ref_id as string;
  const userCode = req.body.user_code as string;
  const script = scriptFor(amount);

  // Lost before Eko did anything: no record, the OTP and client_ref_id stay unused.
  if (script?.kind === 'hang_unrecorded') return { json: {}, transport: 'hang' };
  if (money.clientRefs.has(clientRefId)) return invalidParams({ client_ref_id: 'Duplicate client_ref_id' });

  const otp = money.txnOtps.get(otpRefId);
  if (!otp) return invalidParams({ otp_ref_id: 'Invalid otp_ref_id' });
  const mismatch: Record<string, string> = {};
  if (otp.customerId !== mobile) mismatch.customer_id = 'customer_id does not match the OTP request';
  if (otp.recipientId !== recipientId) mismatch.recipient_id = 'recipient_id does not match the OTP request';
  if (otp.amount !== amount) mismatch.amount = 'Amount does not match the OTP request';
  if (Object.keys(mismatch).length > 0) return invalidParams(mismatch);

  money.clientRefs.set(clientRefId, null);
  const balance = walletOf(money, userCode);
  const recipient = recipientsOf(req.state, mobile).find((r) => r.recipientId === recipientId)!;
  const failedRecord = (reason: string) =>
    recordTransaction(req.state, {
      clientRefId,
      kind: 'dmt',
      userCode,
      customerId: mobile,
      amount,
      fee: transferPricing(amount).fee,
      txStatus: '1',
      timeline: [],
      bankRefNum: '',
      reason,
      dmt: { recipientId, recipientName: recipient.name, account: recipient.account, ifsc: recipient.ifsc, bank: recipient.bank, senderName: sender.name },
    });

  if (otp.consumed) return decline('OTP already Consumed', { txn: failedRecord('OTP already Consumed'), clientRefId, balance });
  if (otp.dead === 'exhausted') return decline('OTP attempts exhausted. Please try again after 15 min.', { clientRefId, balance });
  const given = String(req.body.otp);
  if (otp.dead === 'expired' || given === OTP_EXPIRED || Date.now() - otp.issuedAt > TXN_OTP_TTL_MS) {
    otp.dead = 'expired';
    return decline('OTP expired', { clientRefId, balance });
  }
  if (given !== otp.otp) {
    otp.wrongTries++;
    if (otp.wrongTries >= TXN_OTP_MAX_WRONG) otp.dead = 'exhausted';
    return decline('Wrong OTP', { clientRefId, balance });
  }
  otp.consumed = true;

  const { fee } = transferPricing(amount);
  const insufficient = () => decline(BALANCE_REASON, { status: req.state.insufficientBalanceStatus, clientRefId, balance });
  if (script?.kind === 'decline' && script.reason === 'limit') return decline(LIMIT_REASON, { clientRefId, balance });
  if (script?.kind === 'decline' && script.reason === 'balance') return insufficient();
  if (script?.kind === 'decline' && script.reason === 'bank_down')
    return decline(BANK_DOWN_REASON, { txn: failedRecord(BANK_DOWN_REASON), clientRefId, balance });
  if (amount > available(sender)) return decline(LIMIT_REASON, { clientRefId, balance });
  if (Math.round(balance * 100) < Math.round((amount + fee) * 100)) return insufficient();

  const first = script?.kind === 'awaited' ? script.first : script?.kind === 'refund_hangs' ? '2' : '0';
  const timeline = script?.kind === 'awaited' ? [...script.then] : script?.kind === 'refund_hangs' ? ['2', '3'] : [];
  moveWallet(money, userCode, -Math.round((amount + fee) * 100));
  moveSenderUsed(req.state, mobile, amount);
  const txn = recordTransaction(req.state, {
    clientRefId,
    kind: 'dmt',
    userCode,
    customerId: mobile,
    amount,
    fee,
    txStatus: first,
    timeline,
    bankRefNum: '',
    reason: '',
    dmt: { recipientId, recipientName: recipient.name, account: recipient.account, ifsc: recipient.ifsc, bank: recipient.bank, senderName: sender.name },
    ...(script?.kind === 'refund_hangs' ? { refundHangs: true } : {}),
  });
  if (first === '0') txn.bankRefNum = bankRef(txn.tid);
  const data = transferData(req.state, txn, sender);
  if (first !== '0') {
    return { json: { status: 0, response_status_id: 0, message: AWAITED_MESSAGES[first] ?? 'Transaction in progress', data } };
  }
  const reply: EkoReply = { json: { status: 0, response_status_id: 0, response_type_id: 325, message: 'Transaction successful', data } };
  if (script?.kind === 'hang_after_success') return { ...reply, transport: 'hang' };
  if (script?.kind === 'bad_gateway_after_success') return { ...reply, transport: 'bad_gateway' };
  return reply;
}

export const transferRoutes: SandboxRoute[] = [
  { method: 'POST', pattern: /^\/customer\/payment\/dmt-fino\/otp$/, handle: sendOtp },
  { method: 'POST', pattern: /^\/customer\/payment\/dmt-fino$/, handle: initiateTransfer },
];
