import 'server-only';
import { z } from 'zod';
import { PID_DATA_START } from '@/lib/schemas/ekyc';
import type { EkoEnvelope } from './envelope';
import {
  normaliseAddRecipient,
  normaliseBankList,
  normaliseIfsc,
  normaliseInitiateTransfer,
  normaliseInquiry,
  normaliseRecipients,
  normaliseRefund,
  normaliseTransferOtp,
} from './normalisers/money';
import { normaliseBalance, normaliseStatement, normaliseWithdrawal } from './normalisers/aeps-transactions';
import { normaliseGetSender, normaliseOnboardSender } from './normalisers/sender';
import {
  normaliseAepsBiometricEkyc,
  normaliseAepsDailyKyc,
  normaliseAepsSendOtp,
  normaliseAepsVerifyOtp,
  normaliseSenderEkyc,
  normaliseValidateEkycOtp,
} from './normalisers/steps';

// The Eko contract as data (docs/eko-api.md §7, §8, §13): one row per endpoint the mission uses.
// Requests follow the current reference; responses go through the row's normaliser.

export interface EkoEndpoint<Path, Body, Out> {
  /** Stable action name, also used in the audit trail. */
  action: string;
  /** The row's key in the table (set below); EKO_LEGACY_FIELDS names rows by it. */
  name?: string;
  /**
   * Fields an older Eko page lists that the current reference removed (docs/eko-api.md §13.1):
   * sent only when EKO_LEGACY_FIELDS names this row, so a UAT answer can turn them on without code.
   */
  legacyFields?: (body: Body) => Record<string, string | number>;
  method: 'GET' | 'POST' | 'PUT';
  path: (p: Path) => string;
  /** Fields beyond initiator_id / user_code / client_ref_id, checked before anything is sent. */
  body: z.ZodType<Body>;
  /** Only idempotent reads may be retried automatically. */
  idempotent: boolean;
  /** Daily KYC answered "No key for Response" when client_ref_id was added (§6), so it is per row. */
  sendClientRefId: boolean;
  /** Eko's invalid_params field names → the names our forms use. */
  fieldMap: Readonly<Record<string, string>>;
  normalise: (env: EkoEnvelope, path: Path) => Out | null;
}

const define = <Path, Body, Out>(e: EkoEndpoint<Path, Body, Out>) => e;

type SenderPath = { customerId: string };
const senderPath = ({ customerId }: SenderPath) => `/customer/payment/dmt-fino/sender/${encodeURIComponent(customerId)}`;

const digits = (n: number) => z.string().regex(new RegExp(`^\\d{${n}}$`));
/** The same rule as the route handlers' pidDataSchema. */
const pidXml = z.string().min(20).regex(PID_DATA_START);
/** RSA PKCS#1 v1.5 ciphertext of the agent's Aadhaar, base64 (§10). */
const rsaBase64 = z
  .string()
  .regex(/^[A-Za-z0-9+/]+={0,2}$/)
  .min(100);
const latlong = z.string().regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/);
const bankCode = z.string().regex(/^[A-Z0-9]{2,12}$/);
const aepsIdentity = { customer_id: digits(10), aadhar: rsaBase64, latlong };

const DMT_FIELDS = {
  customer_id: 'mobile',
  name: 'name',
  dob: 'dob',
  residence_address: 'address',
  aadhar: 'aadhaar',
  otp: 'otp',
} as const;
/** An Eko reference echoed back: recipient ids, OTP references, tids. */
const refId = z.string().regex(/^[\w+/=-]{1,80}$/);
/** Whole rupees, as Eko's money calls want them. */
const rupees = z.number().int().min(1).max(1_00_000);
const ifsc = z.string().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/);

type AepsCustomerPath = { customerMobile: string };
/** A customer's AePS transaction: the customer's mobile, Aadhaar (RSA, §10), bank and finger. */
const aepsCustomer = { customer_id: digits(10), aadhar: rsaBase64, latlong, bank_code: bankCode, piddata: pidXml };
const AEPS_TRANSACTION_FIELDS = {
  customer_id: 'customerMobile',
  aadhar: 'aadhaar',
  latlong: 'latlong',
  bank_code: 'bankCode',
  amount: 'amount',
  piddata: 'piddata',
} as const;
const MONEY_FIELDS = {
  customer_id: 'senderMobile',
  recipient_mobile: 'mobile',
  recipient_name: 'name',
  ifsc: 'ifsc',
  account: 'account',
  amount: 'amount',
  otp: 'otp',
  otp_ref_id: 'otpRefId',
  recipient_id: 'recipientId',
} as const;
const AEPS_FIELDS = { customer_id: 'mobile', aadhar: 'aadhaar', otp: 'otp', latlong: 'location', bank_code: 'bank' } as const;

export const ekoEndpoints = {
  getSender: define({
    action: 'sender.lookup',
    method: 'GET',
    path: senderPath,
    body: z.object({}),
    idempotent: true,
    sendClientRefId: true,
    fieldMap: DMT_FIELDS,
    normalise: (env, p: SenderPath) => normaliseGetSender(env, p.customerId),
  }),
  onboardSender: define({
    action: 'sender.onboard',
    method: 'POST',
    path: senderPath,
    body: z.object({
      name: z.string().min(1),
      dob: z.iso.date(),
      /** A JSON-encoded string of {line, city, state, pincode, district, area}, as the reference asks. */
      residence_address: z.string().startsWith('{'),
    }),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: DMT_FIELDS,
    normalise: (env) => normaliseOnboardSender(env),
  }),
  senderEkyc: define({
    action: 'sender.ekyc',
    method: 'PUT',
    path: (p: SenderPath) => `${senderPath(p)}/otp`,
    // DMT takes the plain 12-digit Aadhaar (over TLS), not RSA.
    body: z.object({ aadhar: digits(12), piddata: pidXml }),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: DMT_FIELDS,
    normalise: (env) => normaliseSenderEkyc(env),
  }),
  validateSenderEkycOtp: define({
    action: 'sender.ekyc_otp',
    method: 'PUT',
    path: (p: SenderPath) => `${senderPath(p)}/otp/verify`,
    body: z.object({ otp: z.string().regex(/^\d{4,8}$/), otp_ref_id: z.string().min(1), kyc_request_id: z.string().min(1) }),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: DMT_FIELDS,
    normalise: (env) => normaliseValidateEkycOtp(env),
  }),
  aepsSendOtp: define({
    action: 'aeps.ekyc_send_otp',
    method: 'POST',
    path: () => '/user/collection/aeps-fingpay/kyc/otp',
    body: z.object(aepsIdentity),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: AEPS_FIELDS,
    normalise: (env) => normaliseAepsSendOtp(env),
  }),
  aepsVerifyOtp: define({
    action: 'aeps.ekyc_verify_otp',
    method: 'PUT',
    path: () => '/user/collection/aeps-fingpay/kyc/otp/verify',
    body: z.object({
      ...aepsIdentity,
      otp: z.string().regex(/^\d{4,8}$/),
      otp_ref_id: z.string().min(1),
      reference_tid: z.string().min(1),
    }),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: AEPS_FIELDS,
    normalise: (env) => normaliseAepsVerifyOtp(env),
  }),
  aepsBiometricEkyc: define({
    action: 'aeps.ekyc_biometric',
    method: 'PUT',
    path: () => '/user/collection/aeps-fingpay/kyc/biometric',
    body: z.object({
      ...aepsIdentity,
      piddata: pidXml,
      bank_code: bankCode,
      otp_ref_id: z.string().min(1),
      reference_tid: z.string().min(1),
    }),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: AEPS_FIELDS,
    normalise: (env) => normaliseAepsBiometricEkyc(env),
  }),
  aepsDailyKyc: define({
    action: 'aeps.daily_auth',
    method: 'PUT',
    path: () => '/user/collection/aeps-fingpay/kyc/biometric/daily',
    body: z.object({
      ...aepsIdentity,
      piddata: pidXml,
      bank_code: bankCode,
      otp_ref_id: z.string().min(1).optional(),
      reference_tid: z.string().min(1).optional(),
    }),
    idempotent: false,
    sendClientRefId: false,
    fieldMap: AEPS_FIELDS,
    normalise: (env) => normaliseAepsDailyKyc(env),
  }),

  // ---- AePS-Fingpay transactions for a customer (docs/eko-api.md §13.4). Each carries the
  // request_hash header (the service passes its parts: the customer's plain Aadhaar, the amount
  // as sent, "0" for enquiries, and the user_code), and the row's client_ref_id.
  aepsWithdrawal: define({
    action: 'aeps.withdrawal',
    method: 'POST',
    path: ({ customerMobile }: AepsCustomerPath) => `/customer/collection/aeps-fingpay/cash-withdrawl/${encodeURIComponent(customerMobile)}`,
    body: z.object({ ...aepsCustomer, amount: rupees }),
    // Pays out the customer's money: sent once; recorded first like a transfer.
    idempotent: false,
    sendClientRefId: true,
    fieldMap: AEPS_TRANSACTION_FIELDS,
    normalise: (env) => normaliseWithdrawal(env),
  }),
  aepsBalance: define({
    action: 'aeps.balance',
    method: 'POST',
    path: ({ customerMobile }: AepsCustomerPath) => `/customer/collection/aeps-fingpay/balance-enquiry/${encodeURIComponent(customerMobile)}`,
    body: z.object(aepsCustomer),
    // A fingerprint is used once: never resent.
    idempotent: false,
    sendClientRefId: true,
    fieldMap: AEPS_TRANSACTION_FIELDS,
    normalise: (env) => normaliseBalance(env),
  }),
  aepsStatement: define({
    action: 'aeps.statement',
    method: 'POST',
    path: ({ customerMobile }: AepsCustomerPath) => `/customer/collection/aeps-fingpay/mini-statement/${encodeURIComponent(customerMobile)}`,
    body: z.object(aepsCustomer),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: AEPS_TRANSACTION_FIELDS,
    normalise: (env) => normaliseStatement(env),
  }),

  // ---- DMT-Fino money movement (docs/eko-api.md §13)

  getRecipients: define({
    action: 'transfer.recipients',
    method: 'GET',
    path: (p: SenderPath) => `${senderPath(p)}/recipients`,
    body: z.object({}),
    idempotent: true,
    sendClientRefId: true,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseRecipients(env),
  }),
  addRecipient: define({
    action: 'transfer.add_recipient',
    method: 'POST',
    path: (p: SenderPath) => `${senderPath(p)}/recipient`,
    body: z.object({ recipient_mobile: digits(10), recipient_name: z.string().min(1).max(100), ifsc, account: z.string().regex(/^\d{9,18}$/) }),
    // Older EPS pages also list bank_id (the IFSC look-up's) and recipient_type=3; EPS removed
    // both on 2026-07-24. bank_id is left out even here: it would need the look-up first.
    legacyFields: () => ({ recipient_type: 3 }),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseAddRecipient(env),
  }),
  ifscDetails: define({
    action: 'bank.ifsc',
    method: 'GET',
    path: ({ ifsc: code }: { ifsc: string }) => `/tools/reference/banks/ifsc/${encodeURIComponent(code)}`,
    body: z.object({}),
    idempotent: true,
    sendClientRefId: false,
    fieldMap: MONEY_FIELDS,
    normalise: (env, p: { ifsc: string }) => normaliseIfsc(env, p.ifsc),
  }),
  bankList: define({
    action: 'bank.list',
    method: 'GET',
    path: () => '/tools/reference/banks',
    body: z.object({}),
    idempotent: true,
    sendClientRefId: false,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseBankList(env),
  }),
  sendTransferOtp: define({
    action: 'transfer.otp',
    method: 'POST',
    path: () => '/customer/payment/dmt-fino/otp',
    body: z.object({ recipient_id: refId, amount: rupees, customer_id: digits(10) }),
    // Texts the sender: never sent twice without the agent asking.
    idempotent: false,
    sendClientRefId: true,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseTransferOtp(env),
  }),
  initiateTransfer: define({
    action: 'transfer.initiate',
    method: 'POST',
    path: () => '/customer/payment/dmt-fino',
    body: z.object({ recipient_id: refId, amount: rupees, customer_id: digits(10), otp: z.string().regex(/^\d{4,8}$/), otp_ref_id: refId }),
    // developers.eko.in still lists these (and latlong, which a DMT counter does not collect).
    legacyFields: () => ({ state: 1, recipient_id_type: 1, channel: 2 }),
    // Moves money: sent once; its client_ref_id is the transaction row's, written first.
    idempotent: false,
    sendClientRefId: true,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseInitiateTransfer(env),
  }),
  transactionInquiry: define({
    action: 'transfer.inquiry',
    method: 'GET',
    // By Eko's tid, or by our own reference when no tid came back (a timeout).
    path: (p: { tid: string } | { clientRefId: string }) =>
      `/tools/reference/transaction/${'tid' in p ? encodeURIComponent(p.tid) : `client_ref_id:${encodeURIComponent(p.clientRefId)}`}`,
    body: z.object({}),
    idempotent: true,
    sendClientRefId: false,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseInquiry(env),
  }),
  refundOtp: define({
    action: 'transfer.refund_otp',
    method: 'POST',
    path: ({ tid }: { tid: string }) => `/customer/payment/refund/${encodeURIComponent(tid)}/otp`,
    body: z.object({}),
    idempotent: false,
    sendClientRefId: true,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseTransferOtp(env),
  }),
  refund: define({
    action: 'transfer.refund',
    method: 'POST',
    path: ({ tid }: { tid: string }) => `/customer/payment/refund/${encodeURIComponent(tid)}`,
    body: z.object({
      otp: z.string().regex(/^\d{4,8}$/),
      otp_ref_id: refId,
      state: z.literal('1'),
      service_code: z
        .string()
        .regex(/^\d{1,4}$/)
        .optional(),
    }),
    // Moves money back: sent once, recorded first like a transfer.
    idempotent: false,
    sendClientRefId: true,
    fieldMap: MONEY_FIELDS,
    normalise: (env) => normaliseRefund(env),
  }),
} as const;

// Each row knows its own key (EKO_LEGACY_FIELDS names rows by it).
for (const [name, endpoint] of Object.entries(ekoEndpoints)) (endpoint as { name?: string }).name = name;

export type EkoEndpointName = keyof typeof ekoEndpoints;
