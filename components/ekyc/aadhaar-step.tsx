'use client';

import { type ReactNode, useState } from 'react';
import { useForm } from 'react-hook-form';
import type { MessageKey } from '@/lib/i18n/core';
import { maskAadhaar } from '@/lib/aadhaar/mask';
import type { SealUse } from '@/lib/aadhaar/seal';
import { sealAadhaarForTransport } from '@/lib/aadhaar/transport-client';
import type { AadhaarEntry } from '@/lib/schemas/ekyc';
import { lazyZodResolver } from '@/components/forms/lazy-resolver';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { fieldError } from '@/components/forms/field-error';

/**
 * The Aadhaar number lives only in this form until it is sealed to the server's transport key for
 * one use (the flow's purpose and, for a sender, their mobile); then the form is cleared and the
 * rest of the flow sees the ciphertext and the masked form.
 */
interface AadhaarStepText {
  label: MessageKey;
  hint: MessageKey;
  consentTitle: MessageKey | null;
  consent: MessageKey;
  checkbox: MessageKey;
  submit: MessageKey;
}

/** The sender's Aadhaar (sender eKYC); the AePS flows pass the agent's own wording. */
export const SENDER_AADHAAR_TEXT: AadhaarStepText = {
  label: 'ekyc.aadhaar.label',
  hint: 'ekyc.aadhaar.hint',
  consentTitle: 'ekyc.consent.title',
  consent: 'ekyc.consent.text',
  checkbox: 'ekyc.consent.checkbox',
  submit: 'ekyc.aadhaar.continue',
};

// The Aadhaar check (zod) is fetched on the step's first keystroke or tap, not with the page
// (issue 16, part 2). Without it nothing is sealed: the field says the connection is down.
const aadhaarForm = lazyZodResolver((zodResolver) => import('@/lib/schemas/ekyc').then((m) => zodResolver(m.aadhaarEntrySchema)), 'aadhaar');

export function AadhaarStep({
  use,
  onSealed,
  serverError,
  text = SENDER_AADHAAR_TEXT,
  children,
  ready = true,
  busy = false,
}: {
  /** What the seal is good for: the server refuses it for any other purpose, sender or agent. */
  use: SealUse;
  onSealed: (sealed: string, masked: string) => void;
  serverError?: string;
  text?: AadhaarStepText;
  /** Further fields of the same step (the AePS location and bank). */
  children?: ReactNode;
  /** False until those fields are complete. */
  ready?: boolean;
  busy?: boolean;
}) {
  const { t, tMaybe } = useI18n();
  const [sealing, setSealing] = useState(false);
  const [sealError, setSealError] = useState(false);
  const { register, handleSubmit, formState, reset } = useForm<AadhaarEntry>({
    resolver: aadhaarForm.resolver,
    defaultValues: { aadhaar: '', consent: false as unknown as true },
  });

  const submit = handleSubmit(async ({ aadhaar }) => {
    setSealing(true);
    setSealError(false);
    try {
      const sealed = await sealAadhaarForTransport(aadhaar, use);
      const masked = maskAadhaar(aadhaar);
      reset({ aadhaar: '', consent: false as unknown as true });
      onSealed(sealed, masked);
    } catch {
      setSealError(true);
    } finally {
      setSealing(false);
    }
  });

  return (
    // method="post": were it ever submitted before its code ran, the digits would not go into a URL.
    <form method="post" noValidate {...aadhaarForm.preloadOnUse} onSubmit={submit} className="flex flex-col gap-4">
      <TextField
        {...register('aadhaar')}
        label={t(text.label)}
        hint={t(text.hint)}
        error={fieldError(tMaybe, formState.errors.aadhaar?.message) ?? serverError}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={19}
        className="text-lg tracking-widest tabular-nums"
      />
      <section aria-labelledby={text.consentTitle ? 'consent-title' : undefined} className="rounded-lg border border-slate-300 bg-slate-50 p-4">
        {text.consentTitle && (
          <h3 id="consent-title" className="font-semibold">
            {t(text.consentTitle)}
          </h3>
        )}
        <p className="mt-1" data-testid="consent-text">
          “{t(text.consent)}”
        </p>
        <label className="mt-3 flex min-h-touch items-center gap-3 font-semibold">
          <input
            type="checkbox"
            {...register('consent')}
            className="h-6 w-6"
            aria-invalid={formState.errors.consent ? true : undefined}
            aria-describedby={formState.errors.consent ? 'consent-error' : undefined}
          />
          {t(text.checkbox)}
        </label>
        {formState.errors.consent && (
          <p id="consent-error" className="text-sm font-medium text-red-700">
            {fieldError(tMaybe, formState.errors.consent.message)}
          </p>
        )}
      </section>
      {children}
      {sealError && <Alert tone="error">{t('ekyc.encryptFailed')}</Alert>}
      <div>
        <Button type="submit" disabled={sealing || busy || !ready}>
          {sealing ? t('ekyc.encrypting') : t(text.submit)}
        </Button>
      </div>
    </form>
  );
}
