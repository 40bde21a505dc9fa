import 'server-only';
import { z } from 'zod';
import { PID_DATA_START } from '@/lib/schemas/ekyc';
import type { EkoEnvelope } from './envelope';
import { normaliseGetSender, normaliseOnboardSender } from './normalisers/sender';
import {
  normaliseAepsBiometricEkyc,
  normaliseAepsDailyKyc,
  normaliseAepsSendOtp,
  normaliseAepsVerifyOtp,
  normaliseSenderEkyc,
  normaliseValidateEkycOtp,
} from './normalisers/steps';

// The Eko contract as data (docs/eko-api.md §7–§8): one row per endpoint the mission uses.
// Requests follow the current reference; responses go through the row's normaliser.

export interface EkoEndpoint<Path, Body, Out> {
  /** Stable action name, also used in the audit trail. */
  action: string;
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
} as const;

export type EkoEndpointName = keyof typeof ekoEndpoints;
