'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { apiRequest } from '@/lib/api/client';
import { normaliseMobileInput } from '@/lib/schemas/mobile';
import { type LoginInput, loginSchema } from '@/lib/schemas/auth';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';

export interface DemoAccount {
  role: 'admin' | 'agent';
  mobile: string;
  password: string;
}

export function LoginForm({ returnTo, demoAccounts }: { returnTo: string | null; demoAccounts: DemoAccount[] }) {
  const { t, tMaybe } = useI18n();
  const { register, handleSubmit, formState, setValue, setFocus } = useForm<LoginInput>({
    resolver: zodResolver(loginSchema),
    defaultValues: { mobile: '', password: '' },
  });
  const signIn = useMutation({
    mutationFn: (input: LoginInput) => apiRequest<{ home: string; mustChangePassword: boolean }>('/api/auth/login', { method: 'POST', json: input }),
    // A full navigation, so every server-rendered part (header, nav) sees the new session. A
    // temporary password goes to the change-password page first, wherever the agent was headed.
    onSuccess: ({ home, mustChangePassword }) => window.location.assign(mustChangePassword ? home : (returnTo ?? home)),
  });
  const mobile = register('mobile', {
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const cleaned = normaliseMobileInput(e.target.value);
      if (cleaned !== e.target.value) setValue('mobile', cleaned);
    },
  });

  return (
    <div className="flex flex-col gap-6">
      {/* method="post": submitted before this page's code has loaded, the password still never
          lands in the URL (and so in history or a proxy's access log). */}
      <form method="post" noValidate onSubmit={handleSubmit((input) => signIn.mutate(input))} className="flex flex-col gap-4">
        <TextField
          {...mobile}
          label={t('login.mobile')}
          error={fieldError(tMaybe, formState.errors.mobile?.message)}
          type="tel"
          inputMode="numeric"
          autoComplete="username"
          autoFocus
        />
        <TextField
          {...register('password')}
          label={t('login.password')}
          error={fieldError(tMaybe, formState.errors.password?.message)}
          type="password"
          autoComplete="current-password"
        />
        {signIn.isError && <ApiErrorAlert error={signIn.error} />}
        <Button type="submit" disabled={signIn.isPending || signIn.isSuccess}>
          {signIn.isPending || signIn.isSuccess ? t('login.submitting') : t('login.submit')}
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
                    setValue('mobile', a.mobile);
                    setValue('password', a.password);
                    setFocus('password');
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
