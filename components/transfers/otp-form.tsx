'use client';

import { useEffect, useRef, useState } from 'react';
import type { TransferOtpSent } from '@/lib/transfers/types';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { fieldError } from '@/components/forms/field-error';
import { lazySchema } from '@/components/forms/lazy-validation';
import { useNow } from './use-now';

/** Eko's transfer and refund OTPs: a new one may be asked for a minute after the last. */
export const TRANSFER_RESEND_AFTER_S = 60;

/** An OTP as this screen received it: when the server sent it, and when the answer got here. */
export interface OtpSentHere extends TransferOtpSent {
  receivedAt: number;
}

/**
 * When "Send a new OTP" opens, on this device's clock: a minute after the server's sentAt, less the
 * time the answer took to arrive, but never later than a minute after it arrived, however the
 * device's clock differs from the server's.
 */
export function resendOpensAt(otp: OtpSentHere): number {
  const sent = Date.parse(otp.sentAt);
  const travelled = Number.isFinite(sent) ? Math.min(Math.max(otp.receivedAt - sent, 0), TRANSFER_RESEND_AFTER_S * 1000) : 0;
  return otp.receivedAt + TRANSFER_RESEND_AFTER_S * 1000 - travelled;
}

// One field: no form library, and its check (zod) fetched when the form first shows, long before
// the sender has read the OTP out (issue 16, part 2).
const otpEntry = lazySchema(() => import('@/lib/schemas/transfer').then((m) => m.transferOtpEntrySchema));

/**
 * The OTP the sender reads out. It lives in this field only: the field is emptied the moment the
 * OTP is handed on, and nothing else keeps it.
 */
export function OtpForm({
  otp,
  label,
  submitLabel,
  busyLabel,
  busy,
  resending,
  serverError,
  onSubmit,
  onResend,
}: {
  otp: OtpSentHere;
  label: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  resending: boolean;
  serverError?: string;
  onSubmit: (otp: string) => void;
  onResend: () => void;
}) {
  const { t, tMaybe } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  useEffect(() => otpEntry.preload(), []);
  const now = useNow();
  useEffect(() => input.current?.focus(), [serverError, otp.otpRefId]);
  const wait = Math.max(0, Math.ceil((resendOpensAt(otp) - now) / 1000));

  return (
    <form
      method="post"
      noValidate
      onInput={() => setError(undefined)}
      onSubmit={(e) => {
        e.preventDefault();
        const typed = input.current?.value ?? '';
        void otpEntry.check({ otp: typed }).then((checked) => {
          if (busy || !input.current) return;
          if (!checked.ok) {
            setError(checked.fields.otp);
            input.current.focus();
            return;
          }
          setError(undefined);
          // The OTP leaves the field the moment it is handed on.
          input.current.value = '';
          onSubmit(checked.data?.otp ?? typed);
        });
      }}
      className="flex flex-col gap-4"
      data-testid="otp-form"
    >
      <TextField
        ref={input}
        name="otp"
        defaultValue=""
        label={label}
        error={fieldError(tMaybe, error) ?? serverError}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        className="max-w-xs text-2xl tracking-[0.5em] tabular-nums"
      />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy} data-testid="otp-submit">
          {busy ? busyLabel : submitLabel}
        </Button>
        <Button variant="secondary" onClick={onResend} disabled={wait > 0 || busy || resending}>
          {resending ? t('transfer.otp.resending') : t('transfer.otp.resend')}
        </Button>
        {wait > 0 && (
          <span className="text-sm text-slate-700" aria-live="off">
            {t('transfer.otp.resendIn', { seconds: wait })}
          </span>
        )}
      </div>
    </form>
  );
}
