import { z } from 'zod/mini';
import { mobileSchema, text } from './common';

export const loginSchema = z.object({
  mobile: mobileSchema,
  password: text('validation.password.required').check(z.minLength(1, 'validation.password.required'), z.maxLength(200, 'validation.password.required')),
});

export type LoginInput = z.infer<typeof loginSchema>;

/** Where to go after login: only same-site paths, so a crafted link cannot send agents elsewhere. */
export function safeReturnPath(value: string | null | undefined): string | null {
  // Browsers drop tabs and newlines and read backslashes as slashes: "/\t/evil.example" is "//evil.example".
  if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith('//') || value.startsWith('/api/')) return null;
  const base = 'http://agent-desk.invalid';
  const url = new URL(value, base);
  return url.origin === base ? value : null;
}
