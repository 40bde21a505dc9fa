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
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (!value || !value.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(value) || value.startsWith('//') || value.startsWith('/api/')) return null;
  const base = 'http://agent-desk.invalid';
  const url = new URL(value, base);
  return url.origin === base ? value : null;
}

// Passwords people choose for themselves (ASVS V2.1): at least 12 characters, up to 128, any
// characters (spaces and Hindi included: the hash normalises with NFKC), no composition rules.
// What makes a long password weak here (the mobile in it, digits only, a famous one) is checked on
// the server (lib/auth/password-policy.ts), which knows the user.
export const NEW_PASSWORD_MIN = 12;
export const newPasswordSchema = text('validation.newPassword.length').check(
  z.minLength(NEW_PASSWORD_MIN, 'validation.newPassword.length'),
  z.maxLength(128, 'validation.newPassword.length'),
);

export const changePasswordSchema = z.object({
  currentPassword: text('validation.password.required').check(z.minLength(1, 'validation.password.required'), z.maxLength(200, 'validation.password.required')),
  newPassword: newPasswordSchema,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** The form adds a second entry of the new password; the handler never sees it. */
export const changePasswordFormSchema = z
  .object({ ...changePasswordSchema.shape, confirmPassword: text('validation.newPassword.confirm') })
  .check(z.refine((v) => v.confirmPassword === v.newPassword, { path: ['confirmPassword'], error: 'validation.newPassword.confirm' }));
export type ChangePasswordForm = z.infer<typeof changePasswordFormSchema>;
