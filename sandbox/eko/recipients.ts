import { IFSC_FORMAT, ifscUnknown, resolveIfsc } from './banks';
import { PAN_REQUIRED_SENDERS, RECIPIENT_FIXTURES } from './fixtures';
import type { RecipientRecord } from './money-state';
import { type EkoReply, type EkoRequest, invalidParams, lookupSender, type SandboxRoute, type SandboxState, type SenderRecord } from './server';

// DMT-Fino Get Recipients and Add Recipient (docs/eko-api.md §7, §13).
//
// Contract notes (what is a sandbox assumption):
// - Shapes follow EPS api-specs.ts ("dmt-get-recipients", "dmt-add-recipient"): recipient_id is a
//   number; rt 22 "No recepients found" carries status 0, rsid -1 and no data; 463 carries
//   invalid_params.customer_id; 342 carries `data: {}` (no recipient_id: re-read the list).
// - A sender who is enrolled but not through eKYC (rt 2134 / 2129 on Get Sender) is answered as
//   463 on every money call: Eko documents no answer for that state.
// - pan_required: 1 = required (sandbox reading), 2 = not required (EPS's example value).
// - Field checks and their statuses come from Eko's status table: 131/122 recipient name,
//   145/140 recipient mobile, 136 IFSC format, 521 unknown IFSC, 102 account length (9–18 digits).
//   Several bad fields are listed together under the first one's status.
// - Duplicates are judged on IFSC + account. The shape is the same in both response shapes
//   (there is no seed page for these endpoints).

export type TransactingSender = Extract<SenderRecord, { used: number }>;

export const customerNotFound = (): EkoReply => ({
  json: {
    status: 463,
    response_status_id: 1,
    response_type_id: -1,
    message: 'customer_id does not exist in system',
    invalid_params: { customer_id: 'Customer does not exist in System' },
  },
});

export const badMobile = (field = 'customer_id'): EkoReply => invalidParams({ [field]: 'Please enter a valid 10 digit mobile number' });
export const isMobile = (v: unknown): v is string => typeof v === 'string' && /^[6-9]\d{9}$/.test(v);

/** The sender as far as money is concerned: enrolled with limits, or the reply to send. */
export function transactingSender(state: SandboxState, mobile: unknown): TransactingSender | EkoReply {
  if (!isMobile(mobile)) return badMobile();
  const sender = lookupSender(state, mobile);
  if (!sender || !('used' in sender)) return customerNotFound();
  return sender;
}

export const isReply = (v: unknown): v is EkoReply => typeof v === 'object' && v !== null && 'json' in v;

export function recipientsOf(state: SandboxState, mobile: string): RecipientRecord[] {
  let list = state.money.recipients.get(mobile);
  if (!list) {
    list = (RECIPIENT_FIXTURES[mobile] ?? []).map((f) => ({ ...f, bank: resolveIfsc(f.ifsc)?.bank ?? 'UNKNOWN BANK' }));
    state.money.recipients.set(mobile, list);
  }
  return list;
}

export const PAN_THRESHOLD = 50_000;

function getRecipients(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const sender = transactingSender(req.state, match[1]);
  if (isReply(sender)) return sender;
  const mobile = match[1]!;
  const list = recipientsOf(req.state, mobile);
  if (list.length === 0) return { json: { status: 0, response_status_id: -1, response_type_id: 22, message: 'No recepients found' } };
  const panRequired = PAN_REQUIRED_SENDERS.has(mobile);
  return {
    json: {
      status: 0,
      response_status_id: 0,
      response_type_id: 23,
      message: 'Success',
      data: {
        pan_required: panRequired ? 1 : 2,
        remaining_limit_before_pan_required: panRequired ? 0 : Math.max(PAN_THRESHOLD - sender.used, 0),
        recipient_list: list.map((r) => ({
          recipient_id: r.recipientId,
          beneficiary_id: r.recipientId,
          bank_recipient_id: r.recipientId,
          recipient_name: r.name,
          recipient_mobile: r.mobile,
          bank: r.bank,
          ifsc: r.ifsc,
          account: r.account,
          account_type: 'Bank Account',
          ifsc_status: 1,
          is_verified: r.verified ? 1 : 0,
          is_otp_required: '0',
          pipes: { '3': { pipe: 3, status: 1 } },
        })),
      },
    },
  };
}

function recipientProblems(body: Record<string, unknown>): { fields: Record<string, string>; status: number } | null {
  const problems: [string, string, number][] = [];
  const { recipient_name: name, recipient_mobile: mobile, ifsc, account } = body;
  if (typeof name !== 'string' || name.trim().length === 0 || name.trim().length > 50) {
    problems.push(['recipient_name', 'Recipient name length should be in between 1 and 50', 122]);
  } else if (!/^[A-Za-z][A-Za-z .]*$/.test(name.trim())) {
    problems.push(['recipient_name', 'Recipient name should only contain letters', 131]);
  }
  if (typeof mobile !== 'string' || !/^\d+$/.test(mobile)) problems.push(['recipient_mobile', 'Recipient mobile number should be numeric', 145]);
  else if (!/^[6-9]\d{9}$/.test(mobile)) problems.push(['recipient_mobile', 'Recipient mobile number should be 10 digit', 140]);
  if (typeof ifsc !== 'string' || !IFSC_FORMAT.test(ifsc)) problems.push(['ifsc', 'Please provide valid IFSC format', 136]);
  if (typeof account !== 'string' || !/^\d{9,18}$/.test(account)) problems.push(['account', 'Invalid Account number length', 102]);
  if (problems.length === 0) return null;
  return { fields: Object.fromEntries(problems.map(([f, m]) => [f, m])), status: problems[0]![2] };
}

function addRecipient(req: EkoRequest, match: RegExpExecArray): EkoReply {
  const sender = transactingSender(req.state, match[1]);
  if (isReply(sender)) return sender;
  const problems = recipientProblems(req.body);
  if (problems) return invalidParams(problems.fields, problems.status);
  const ifsc = req.body.ifsc as string;
  const bank = resolveIfsc(ifsc);
  if (!bank) return ifscUnknown();

  const mobile = match[1]!;
  const list = recipientsOf(req.state, mobile);
  const account = req.body.account as string;
  if (list.some((r) => r.ifsc === ifsc && r.account === account)) {
    return { json: { status: 342, response_status_id: 1, response_type_id: -1, message: 'Recipient already registered', data: {} } };
  }
  const recipient: RecipientRecord = {
    recipientId: req.state.money.nextRecipientId++,
    name: (req.body.recipient_name as string).trim(),
    mobile: req.body.recipient_mobile as string,
    ifsc,
    account,
    bank: bank.bank,
    verified: false,
  };
  list.push(recipient);
  return {
    json: {
      status: 0,
      response_status_id: 0,
      response_type_id: 43,
      message: 'Success!Please transact using Recipientid',
      data: {
        recipient_id: recipient.recipientId,
        customer_id: mobile,
        recipient_mobile: recipient.mobile,
        initiator_id: req.body.initiator_id,
        pipes: {},
        otp_ref_id: '',
      },
    },
  };
}

export const recipientRoutes: SandboxRoute[] = [
  { method: 'GET', pattern: /^\/customer\/payment\/dmt-fino\/sender\/([^/]+)\/recipients$/, handle: getRecipients },
  { method: 'POST', pattern: /^\/customer\/payment\/dmt-fino\/sender\/([^/]+)\/recipient$/, handle: addRecipient },
];
