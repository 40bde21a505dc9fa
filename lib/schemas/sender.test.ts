import { describe, expect, it } from 'vitest';
import { normaliseMobileInput } from './common';
import { parseMobile, parsePastedMobile } from './mobile';
import { mobileSchema, onboardSenderSchema, todayInIndia } from './sender';

const validOnboarding = {
  name: 'Sita  Ram',
  dob: '1990-05-17',
  address: { line: '12 Gandhi Road', area: 'Shivaji Nagar', city: 'Pune', district: 'Pune', state: 'Maharashtra', pincode: '411005' },
};

const issuesOf = (input: unknown) => {
  const r = onboardSenderSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('mobileSchema', () => {
  it.each(['9876543210', '6000000000', '7123456789', '8999999999'])('accepts %s', (m) => {
    expect(mobileSchema.safeParse(m).success).toBe(true);
  });
  it.each(['5876543210', '987654321', '98765432101', '98765-4321', '', 'abcdefghij'])('refuses %s', (m) => {
    const r = mobileSchema.safeParse(m);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('validation.mobile');
  });
  it('normalises what agents paste', () => {
    expect(normaliseMobileInput('+91 98765 43210')).toBe('9876543210');
    expect(normaliseMobileInput('09876543210')).toBe('9876543210');
    expect(normaliseMobileInput('98765-43210')).toBe('9876543210');
  });
});

describe('onboardSenderSchema', () => {
  it('accepts a complete enrolment and tidies the name', () => {
    const r = onboardSenderSchema.parse(validOnboarding);
    expect(r.name).toBe('Sita Ram');
  });

  it('refuses impossible and implausible dates of birth', () => {
    expect(issuesOf({ ...validOnboarding, dob: '1990-02-30' })).toEqual({ dob: 'validation.dob.format' });
    expect(issuesOf({ ...validOnboarding, dob: '17/05/1990' })).toEqual({ dob: 'validation.dob.format' });
    expect(issuesOf({ ...validOnboarding, dob: '2999-01-01' })).toEqual({ dob: 'validation.dob.future' });
    expect(issuesOf({ ...validOnboarding, dob: todayInIndia() })).toEqual({ dob: 'validation.dob.minor' });
    expect(issuesOf({ ...validOnboarding, dob: '1901-01-01' })).toEqual({ dob: 'validation.dob.tooOld' });
  });

  it('names each missing address part', () => {
    const { pincode: _p, district: _d, ...partial } = validOnboarding.address;
    expect(issuesOf({ ...validOnboarding, address: partial })).toEqual({
      'address.pincode': 'validation.required',
      'address.district': 'validation.required',
    });
    expect(issuesOf({ ...validOnboarding, address: undefined })).toEqual({ address: 'validation.required' });
  });

  it('refuses names Eko would refuse, bad PIN codes and unknown states', () => {
    expect(issuesOf({ ...validOnboarding, name: 'R2D2' })).toEqual({ name: 'validation.name' });
    expect(issuesOf({ ...validOnboarding, address: { ...validOnboarding.address, pincode: '011005' } })).toEqual({ 'address.pincode': 'validation.pincode' });
    expect(issuesOf({ ...validOnboarding, address: { ...validOnboarding.address, state: 'Atlantis' } })).toEqual({ 'address.state': 'validation.address.state' });
  });

  it('reports wrong types as field errors, not crashes', () => {
    expect(issuesOf({ name: 42, dob: null, address: 'x' })).toEqual({ name: 'validation.name', dob: 'validation.required', address: 'validation.required' });
  });
});

describe('parseMobile', () => {
  it.each(['9876543210', ' 9876543210 ', '5876543210', '987654321', '98765-4321', '', 'abcdefghij', '\t6000000000\n'])('agrees with mobileSchema on %j', (raw) => {
    const r = mobileSchema.safeParse(raw);
    expect(parseMobile(raw)).toBe(r.success ? r.data : null);
  });
});

describe('parsePastedMobile', () => {
  it.each([
    ['+91 90000 00001', '9000000001'],
    ['+91-90000-00001', '9000000001'],
    ['09000000001', '9000000001'],
    [' 9000000001 ', '9000000001'],
    ['(900) 000 0001', '9000000001'],
  ])('reads %j as %s', (raw, mobile) => expect(parsePastedMobile(raw)).toBe(mobile));

  it.each(['+91 90000 000012', '919000000001', '90000 0000', '5000000001', '+1 9000000001', 'x9000000001'])('refuses %j (never cuts digits off)', (raw) =>
    expect(parsePastedMobile(raw)).toBeNull(),
  );
});
