import 'server-only';
import type { MessageKey } from '@/lib/i18n';

// What the length rule (lib/schemas/auth.ts) cannot see. ASVS V2.1.7 asks for a check against
// breached passwords; this app has no online list to ask, so it refuses the shapes that top every
// breach corpus at 12+ characters: the user's own mobile, digits only (a phone, a date, an
// Aadhaar: which must never become a stored hash), one repeated character, keyboard and counting
// runs, and a famous word dressed up with digits and symbols ("Password@2024").

const FAMOUS_WORDS = new Set([
  'password',
  'passwrd',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbnm',
  'iloveyou',
  'welcome',
  'letmein',
  'admin',
  'administrator',
  'agentdesk',
  'agent',
  'india',
  'bharat',
  'abc',
  'abcd',
  'qaz',
  'qazwsx',
  'wsx',
  'test',
]);
const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb'];

/** A decimal digit of any script (Devanagari ४, say) as its ASCII digit. */
function toAsciiDigit(d: string): string {
  const code = d.codePointAt(0)!;
  // Unicode lays every script's decimal digits out as a run of ten from its zero.
  for (let zero = code; zero > code - 10; zero--) if (!/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) return String(code - zero);
  return d;
}

const isRun = (p: string) => RUNS.some((run) => run.includes(p) || [...run].reverse().join('').includes(p));

/**
 * The reason a new password is refused (a catalogue key), or null. Judged in the form it is hashed
 * in (NFKC, lib/auth/password.ts): full-width or other look-alike characters must not smuggle in
 * digits-only, the mobile, the old password or a famous word.
 */
export function weakPasswordReason(typed: string, user: { mobile: string; currentPassword: string }): MessageKey | null {
  // Lone surrogates all hash alike (as U+FFFD): no such password is what it seems.
  if (!typed.isWellFormed()) return 'validation.newPassword.common';
  const password = typed.normalize('NFKC');
  const lower = password.toLowerCase();
  if (password === user.currentPassword.normalize('NFKC')) return 'validation.newPassword.same';
  const digits = password.replace(/\p{Nd}/gu, toAsciiDigit);
  if (digits.includes(user.mobile) || digits.includes(user.mobile.slice(-8))) return 'validation.newPassword.mobile';
  if (/^[\p{Nd}\s.-]+$/u.test(password)) return 'validation.newPassword.digits';
  if (/^(.)\1+$/u.test(password) || isRun(lower)) return 'validation.newPassword.common';
  // Latin-only passwords: the letters left once digits and symbols go ("Password@2024" → password).
  if (/^[\x20-\x7e]+$/.test(password)) {
    const cores = [
      lower.replace(/[^a-z]/g, ''),
      lower
        .replace(/@/g, 'a')
        .replace(/\$/g, 's')
        .replace(/[^a-z]/g, ''),
    ];
    if (cores.some((core) => FAMOUS_WORDS.has(core))) return 'validation.newPassword.common';
  }
  return null;
}
