import { z } from 'zod/mini';
import { todayInIndia } from '@/lib/dates';
import { mobileSchema, text } from './common';

export { mobileSchema, todayInIndia };

export const senderLookupSchema = z.object({ mobile: mobileSchema });

/** India's states and union territories, as agents expect to pick them. */
export const INDIAN_STATES = [
  'Andaman and Nicobar Islands',
  'Andhra Pradesh',
  'Arunachal Pradesh',
  'Assam',
  'Bihar',
  'Chandigarh',
  'Chhattisgarh',
  'Dadra and Nagar Haveli and Daman and Diu',
  'Delhi',
  'Goa',
  'Gujarat',
  'Haryana',
  'Himachal Pradesh',
  'Jammu and Kashmir',
  'Jharkhand',
  'Karnataka',
  'Kerala',
  'Ladakh',
  'Lakshadweep',
  'Madhya Pradesh',
  'Maharashtra',
  'Manipur',
  'Meghalaya',
  'Mizoram',
  'Nagaland',
  'Odisha',
  'Puducherry',
  'Punjab',
  'Rajasthan',
  'Sikkim',
  'Tamil Nadu',
  'Telangana',
  'Tripura',
  'Uttar Pradesh',
  'Uttarakhand',
  'West Bengal',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 1900;
}

function yearsBetween(dob: string, today: string): number {
  const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export const dobSchema = text('validation.dob.format').check(
  z.trim(),
  z.refine(isRealDate, 'validation.dob.format'),
  z.refine((v) => !isRealDate(v) || v <= todayInIndia(), 'validation.dob.future'),
  z.refine((v) => !isRealDate(v) || v > todayInIndia() || yearsBetween(v, todayInIndia()) >= 18, 'validation.dob.minor'),
  z.refine((v) => !isRealDate(v) || yearsBetween(v, todayInIndia()) <= 120, 'validation.dob.tooOld'),
);

const addressPart = text('validation.address.text').check(
  z.trim(),
  z.minLength(2, 'validation.address.text'),
  z.maxLength(50, 'validation.address.text'),
  z.regex(/^[\p{L}\p{N}][\p{L}\p{N} .,'/()-]*$/u, 'validation.address.text'),
);

export const addressSchema = z.object(
  {
    line: text('validation.address.line').check(z.trim(), z.minLength(3, 'validation.address.line'), z.maxLength(100, 'validation.address.line')),
    area: addressPart,
    city: addressPart,
    district: addressPart,
    state: z.enum(INDIAN_STATES, { error: 'validation.address.state' }),
    pincode: text('validation.pincode').check(z.trim(), z.regex(/^[1-9]\d{5}$/, 'validation.pincode')),
  },
  { error: 'validation.required' },
);

export const onboardSenderSchema = z.object({
  name: z.pipe(
    z.pipe(
      text('validation.name').check(z.trim()),
      z.transform((v) => v.replace(/\s+/g, ' ')),
    ),
    z.string().check(z.regex(/^[A-Za-z][A-Za-z ]{1,49}$/, 'validation.name')),
  ),
  dob: dobSchema,
  address: addressSchema,
});

export type OnboardSenderInput = z.infer<typeof onboardSenderSchema>;
export type OnboardSenderForm = z.input<typeof onboardSenderSchema>;
