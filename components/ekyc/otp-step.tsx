'use client';

import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { MessageKey } from '@/lib/i18n/core';
import { lazyZodResolver } from '@/components/forms/lazy-resolver';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { fieldError } from '@/components/forms/field-error';

export const RESEND_COOL_DOWN_S = 30;

// The OTP check (zod) is fetched on the step's first keystroke or tap, not with the page (issue 16, part 2).
const otpForm = lazyZodResolver((zodResolver) => import('@/lib/schemas/ekyc').then((m) => zodResolver(m.otpEntrySchema)));

export function OtpStep({
  sentAt,
  verifying,
  serverError,
  onSubmit,
  onResend,
  label = 'ekyc.otp.label',
  resendLabel = 'ekyc.otp.resend',
}: {
  label?: MessageKey;
  resendLabel?: MessageKey;
  sentAt: number;
  verifying: boolean;
  serverError?: string;
  onSubmit: (otp: string) => void;
  onResend: () => void;
}) {
  const { t, tMaybe } = useI18n();
  const { register, handleSubmit, formState, setFocus } = useForm<{ otp: string }>({ resolver: otpForm.resolver, defaultValues: { otp: '' } });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => setFocus('otp'), [setFocus, serverError]);
  const wait = Math.max(0, RESEND_COOL_DOWN_S - Math.floor((now - sentAt) / 1000));

  return (
    <form method="post" noValidate {...otpForm.preloadOnUse} onSubmit={handleSubmit(({ otp }) => onSubmit(otp))} className="flex flex-col gap-4">
      <TextField
        {...register('otp')}
        label={t(label)}
        error={fieldError(tMaybe, formState.errors.otp?.message) ?? serverError}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="max-w-xs text-2xl tracking-[0.5em] tabular-nums"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={verifying}>
          {verifying ? t('ekyc.otp.verifying') : t('ekyc.otp.submit')}
        </Button>
        <Button variant="ghost" onClick={onResend} disabled={wait > 0 || verifying}>
          {t(resendLabel)}
        </Button>
        {wait > 0 && (
          <span className="text-sm text-slate-700" aria-live="off">
            {t('ekyc.otp.resendIn', { seconds: wait })}
          </span>
        )}
      </div>
    </form>
  );
}
