import { describe, expect, it, vi } from 'vitest';
import type { Resolver } from 'react-hook-form';
import { loginSchema } from '@/lib/schemas/auth';
import { lazyResolver } from './lazy-resolver';
import { lazySchema } from './lazy-validation';

describe('lazySchema', () => {
  it('answers each field’s first message as a catalogue key, or the parsed values', async () => {
    const login = lazySchema(() => Promise.resolve(loginSchema));
    expect(await login.check({ mobile: '12345', password: '' })).toEqual({
      ok: false,
      fields: { mobile: 'validation.mobile', password: 'validation.password.required' },
    });
    expect(await login.check({ mobile: ' 9000000001 ', password: 'x' })).toEqual({ ok: true, data: { mobile: '9000000001', password: 'x' } });
  });

  it('with no schema to be had, says so (data: null) and fetches again on the next check', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(loginSchema);
    const login = lazySchema(load);
    login.preload(); // a failed preload is not an unhandled rejection, nor remembered
    expect(await login.check({ mobile: '1', password: '' })).toEqual({ ok: true, data: null });
    expect((await login.check({ mobile: '1', password: '' })).ok).toBe(false);
    expect(load).toHaveBeenCalledTimes(2);
  });
});

describe('lazyResolver', () => {
  const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<Resolver<{ aadhaar: string }>>[2];

  it('without its schema, passes the input on, unless it is input that must never leave unchecked', async () => {
    const offline = () => Promise.reject(new Error('offline'));
    const lenient = lazyResolver<{ aadhaar: string }>(offline);
    expect(await lenient.resolver({ aadhaar: '1234' }, undefined, options)).toEqual({ values: { aadhaar: '1234' }, errors: {} });
    const strict = lazyResolver<{ aadhaar: string }>(offline, 'aadhaar');
    const refused = await strict.resolver({ aadhaar: '1234' }, undefined, options);
    expect(refused.values).toEqual({});
    expect(refused.errors).toEqual({ aadhaar: { type: 'network', message: 'errors.network' } });
    // Nothing of the typed digits in what the form is told.
    expect(JSON.stringify(refused)).not.toContain('1234');
  });
});
