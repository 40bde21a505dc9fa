import { describe, expect, it } from 'vitest';
import { normaliseMobileInput, PASTED_MOBILE_PATTERN, parseMobile, parsePastedMobile } from './mobile';
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
    expect(issuesOf({ ...validOnboarding, address: { ...validOnboarding.address, state: 'Atlantis' } })).toEqual({
      'address.state': 'validation.address.state',
    });
  });

  it('reports wrong types as field errors, not crashes', () => {
    expect(issuesOf({ name: 42, dob: null, address: 'x' })).toEqual({ name: 'validation.name', dob: 'validation.required', address: 'validation.required' });
  });
});

describe('parseMobile', () => {
  it.each(['9876543210', ' 9876543210 ', '5876543210', '987654321', '98765-4321', '', 'abcdefghij', '\t6000000000\n'])(
    'agrees with mobileSchema on %j',
    (raw) => {
      const r = mobileSchema.safeParse(raw);
      expect(parseMobile(raw)).toBe(r.success ? r.data : null);
    },
  );
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

describe('PASTED_MOBILE_PATTERN (the search box before its code loads)', () => {
  // As the browser applies a pattern attribute: anchored, with the v flag (an invalid pattern is ignored).
  const browserAccepts = (value: string) => new RegExp(`^(?:${PASTED_MOBILE_PATTERN})$`, 'v').test(value);

  it('accepts what agents paste and refuses 12 digits', () => {
    for (const ok of ['+91 90000 00001', '090000 00001', '90000-00001', '9000000001', '(+91) 90000-00001']) expect(browserAccepts(ok), ok).toBe(true);
    for (const bad of ['999999990019', '9999 9999 0019', '9999-9999-0019', '919000000001', '12345', '5000000001', '', '+1 9000000001'])
      expect(browserAccepts(bad), bad).toBe(false);
  });

  it('agrees with parsePastedMobile on every string it is shown', () => {
    const alphabet = ['0', '1', '6', '9', '9', '0', '+', ' ', '-', '(', ')', 'x', '.', '\t'];
    let seed = 20261123;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const samples = [...['+91 90000 00001', '+91 0 9000000001', '+9109000000001', '00 9000000001', '+9190000000010', ' 9000000001 ']];
    for (let i = 0; i < 5000; i++) {
      // Mostly near-mobiles: a prefix, then digits with separators.
      const prefix = ['', '+91', '+91 ', '0', '+910', '91', '(', '+'][random(8)]!;
      let body = '';
      const length = 8 + random(6);
      for (let j = 0; j < length; j++) body += random(3) === 0 ? alphabet[random(alphabet.length)] : String(random(10));
      samples.push(prefix + body);
    }
    const disagreements = samples.filter((s) => browserAccepts(s) !== (parsePastedMobile(s) !== null));
    expect(disagreements).toEqual([]);
    // The sample reaches both answers often enough to mean something.
    expect(samples.filter(browserAccepts).length).toBeGreaterThan(50);
  });
});
