'use client';

import { useRef, useState } from 'react';
import { ApiClientError, apiRequest } from '@/lib/api/client';
import { normaliseMobileInput } from '@/lib/schemas/mobile';
import type { LoginInput } from '@/lib/schemas/auth';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import { type FieldMessages, lazySchema } from '@/components/forms/lazy-validation';

export interface DemoAccount {
  role: 'admin' | 'agent';
  mobile: string;
  password: string;
}

// Two fields: no form library, and loginSchema (zod) fetched on first use. Together they were
// about 31 KiB gzip of this page's first load (issue 16, part 2).
const login = lazySchema(() => import('@/lib/schemas/auth').then((m) => m.loginSchema));

type State = { kind: 'idle' } | { kind: 'sending' } | { kind: 'signedIn' } | { kind: 'failed'; error: ApiClientError };

export function LoginForm({ returnTo, demoAccounts }: { returnTo: string | null; demoAccounts: DemoAccount[] }) {
  const { t, tMaybe } = useI18n();
  const mobileInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const [fields, setFields] = useState<FieldMessages>({});
  const [state, setState] = useState<State>({ kind: 'idle' });
  // Set before the schema is awaited (it may still be downloading): a second tap or Enter in that
  // time must not send a second sign-in, which would spend a second attempt of the lockout budget.
  const submitting = useRef(false);

  async function submit() {
    if (submitting.current) return;
    submitting.current = true;
    try {
      await signIn();
    } finally {
      submitting.current = false;
    }
  }

  async function signIn() {
    const typed: LoginInput = { mobile: mobileInput.current?.value ?? '', password: passwordInput.current?.value ?? '' };
    const checked = await login.check(typed);
    if (!checked.ok) {
      setFields(checked.fields);
      (checked.fields.mobile ? mobileInput : passwordInput).current?.focus();
      return;
    }
    setFields({});
    setState({ kind: 'sending' });
    try {
      const { home, mustChangePassword } = await apiRequest<{ home: string; mustChangePassword: boolean }>('/api/auth/login', {
        method: 'POST',
        json: checked.data ?? typed,
      });
      setState({ kind: 'signedIn' });
      // A full navigation, so every server-rendered part (header, nav) sees the new session. A
      // temporary password goes to the change-password page first, wherever the agent was headed.
      window.location.assign(mustChangePassword ? home : (returnTo ?? home));
    } catch (error) {
      setState({ kind: 'failed', error: error instanceof ApiClientError ? error : new ApiClientError('network', 'network', null) });
    }
  }

  const busy = state.kind === 'sending' || state.kind === 'signedIn';
  return (
    <div className="flex flex-col gap-6">
      {/* method="post": submitted before this page's code has loaded, the password still never
          lands in the URL (and so in history or a proxy's access log). */}
      <form
        method="post"
        noValidate
        onPointerDown={login.preload}
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void submit();
        }}
        // A field's message goes once the agent changes that field, as it would with a form library.
        onInput={(e) => {
          login.preload();
          const name = (e.target as HTMLInputElement).name;
          if (fields[name]) setFields(({ [name]: _, ...rest }) => rest);
        }}
        className="flex flex-col gap-4"
      >
        <TextField
          ref={mobileInput}
          name="mobile"
          defaultValue=""
          onChange={(e) => {
            const cleaned = normaliseMobileInput(e.target.value);
            if (cleaned !== e.target.value) e.target.value = cleaned;
          }}
          label={t('login.mobile')}
          error={fieldError(tMaybe, fields.mobile)}
          type="tel"
          inputMode="numeric"
          autoComplete="username"
          autoFocus
        />
        <TextField
          ref={passwordInput}
          name="password"
          defaultValue=""
          label={t('login.password')}
          error={fieldError(tMaybe, fields.password)}
          type="password"
          autoComplete="current-password"
        />
        {state.kind === 'failed' && <ApiErrorAlert error={state.error} />}
        <Button type="submit" disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>

      {demoAccounts.length > 0 && (
        <section aria-labelledby="demo-title" className="rounded-lg border border-amber-600 bg-amber-50 p-4" data-testid="demo-accounts">
          <h2 id="demo-title" className="font-semibold">
            {t('login.demo.title')}
          </h2>
          <p className="text-sm text-slate-800">{t('login.demo.intro')}</p>
          <ul className="mt-3 flex flex-col gap-3">
            {demoAccounts.map((a) => (
              <li key={a.role} className="flex flex-wrap items-center justify-between gap-2">
                <span>
                  <strong>{t(`login.demo.${a.role}`)}</strong>: <span className="tabular-nums">{a.mobile}</span> / <code>{a.password}</code>
                </span>
                <Button
                  variant="secondary"
                  onClick={() => {
                    if (mobileInput.current) mobileInput.current.value = a.mobile;
                    if (passwordInput.current) {
                      passwordInput.current.value = a.password;
                      passwordInput.current.focus();
                    }
                    setFields({});
                  }}
                >
                  {t('login.demo.use', { role: t(`login.demo.${a.role}`) })}
                </Button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
