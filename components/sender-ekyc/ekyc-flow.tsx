'use client';

import { useMutation } from '@tanstack/react-query';
import clsx from 'clsx';
import { useState } from 'react';
import { useFlowInProgress } from '@/components/pwa/flow-guard';
import { ApiClientError, apiRequest } from '@/lib/api/client';
import { EKYC_MONTHLY_LIMIT } from '@/lib/senders/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { AadhaarStep } from '@/components/ekyc/aadhaar-step';
import { CaptureStep } from '@/components/ekyc/capture-step';
import { OtpStep } from '@/components/ekyc/otp-step';
import type { SenderEkycStarted } from '@/lib/senders/types';

type Step =
  | { kind: 'aadhaar'; error?: string }
  | { kind: 'capture'; notice?: 'newOtp' | null }
  | { kind: 'otp'; refs: SenderEkycStarted; sentAt: number }
  | { kind: 'done' }
  | { kind: 'stopped' };

// Errors after which a fresh capture is the next step (a PID is never sent twice).
const RECAPTURE = new Set([
  'ekyc_verification_failed',
  'otp_expired',
  'upstream_timeout',
  'upstream_unavailable',
  'upstream_bad_response',
  'network',
  'internal',
  'eko_rejected',
  'invalid_input',
]);

/**
 * Sender eKYC: Aadhaar + consent → fingerprint → Sender eKYC → OTP → Validate eKYC OTP.
 * The Aadhaar number is held only as transport ciphertext and its masked form, and everything is
 * dropped when the flow ends.
 */
export function EkycFlow({ mobile, name, onCompleted, onClose }: { mobile: string; name: string; onCompleted: () => void; onClose: () => void }) {
  const { t, inr } = useI18n();
  const [step, setStep] = useState<Step>({ kind: 'aadhaar' });
  const [aadhaar, setAadhaar] = useState<{ sealed: string; masked: string } | null>(null);
  useFlowInProgress(step.kind !== 'done');

  // The sealed Aadhaar travels with each submission, so a later change cannot mix two numbers.
  const submitCapture = useMutation({
    mutationFn: ({ piddata, sealed }: { piddata: string; sealed: string }) =>
      apiRequest<SenderEkycStarted>(`/api/senders/${mobile}/ekyc`, { method: 'POST', json: { aadhaar: sealed, piddata, consent: true } }),
    onSuccess: (refs) => setStep({ kind: 'otp', refs, sentAt: Date.now() }),
    onError: (error) => {
      const code = error instanceof ApiClientError ? error.code : 'network';
      if (code === 'ekyc_already_verified') return finish();
      // The server refused the number or its seal (another key, expired, made for another use):
      // the agent enters it again, with the reason on the field.
      if (code === 'aadhaar_key_changed' || (error instanceof ApiClientError && error.fields.aadhaar)) {
        setAadhaar(null);
        return setStep({ kind: 'aadhaar', error: error instanceof ApiClientError ? error.fields.aadhaar : undefined });
      }
      setStep(RECAPTURE.has(code) ? { kind: 'capture' } : { kind: 'stopped' });
    },
  });

  const verifyOtp = useMutation({
    mutationFn: ({ otp, refs }: { otp: string; refs: SenderEkycStarted }) =>
      apiRequest<{ completed: true }>(`/api/senders/${mobile}/ekyc/otp`, {
        method: 'POST',
        json: { otp, otpRefId: refs.otpRefId, kycRequestId: refs.kycRequestId },
      }),
    onSuccess: () => finish(),
    onError: (error) => {
      const code = error instanceof ApiClientError ? error.code : 'network';
      if (code === 'ekyc_already_verified') return finish();
      if (code === 'otp_expired') setStep({ kind: 'capture' });
    },
  });

  function finish() {
    setAadhaar(null); // nothing of the Aadhaar number outlives the flow
    setStep({ kind: 'done' });
    onCompleted();
  }

  const stepIndex = { aadhaar: 0, capture: 1, otp: 2, done: 3, stopped: 1 }[step.kind];
  // While a call is with Eko the agent cannot change the number or leave: its answer belongs here.
  const busy = submitCapture.isPending || verifyOtp.isPending;
  const lastError = submitCapture.isError ? submitCapture.error : null;

  return (
    <section aria-labelledby="ekyc-title" className="rounded-xl border-2 border-brand-600 bg-white p-4 shadow-sm sm:p-6" data-testid="ekyc-flow">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="ekyc-title" className="text-2xl font-bold">
          {t('ekyc.title', { name })}
        </h2>
        {step.kind !== 'done' && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => {
              setAadhaar(null);
              onClose();
            }}
          >
            {t('ekyc.cancel')}
          </Button>
        )}
      </div>

      <ol aria-label={t('ekyc.steps')} className="my-4 flex flex-wrap gap-2 text-sm">
        {(['ekyc.step.aadhaar', 'ekyc.step.capture', 'ekyc.step.otp'] as const).map((key, i) => (
          <li
            key={key}
            aria-current={i === stepIndex ? 'step' : undefined}
            className={clsx(
              'rounded-full border px-3 py-1 font-semibold',
              i === stepIndex
                ? 'border-brand-700 bg-brand-700 text-white'
                : i < stepIndex
                  ? 'border-green-700 text-green-900'
                  : 'border-slate-400 text-slate-700',
            )}
          >
            {i + 1}. {t(key)}
          </li>
        ))}
      </ol>

      {aadhaar && step.kind !== 'aadhaar' && step.kind !== 'done' && (
        <p className="mb-3 flex flex-wrap items-center gap-3" data-testid="masked-aadhaar">
          <span className="font-semibold tabular-nums">{t('ekyc.aadhaar.masked', { masked: aadhaar.masked })}</span>
          {step.kind === 'capture' && (
            <Button
              variant="ghost"
              disabled={busy}
              onClick={() => {
                setAadhaar(null);
                setStep({ kind: 'aadhaar' });
              }}
            >
              {t('ekyc.aadhaar.change')}
            </Button>
          )}
        </p>
      )}

      {step.kind === 'aadhaar' && (
        <AadhaarStep
          use={{ purpose: 'sender_ekyc', mobile }}
          serverError={step.error}
          onSealed={(sealed, masked) => {
            setAadhaar({ sealed, masked });
            submitCapture.reset();
            setStep({ kind: 'capture' });
          }}
        />
      )}

      {step.kind === 'capture' && (
        <div className="flex flex-col gap-4">
          {lastError && !submitCapture.isPending && <ApiErrorAlert error={lastError} />}
          {verifyOtp.error instanceof ApiClientError && verifyOtp.error.code === 'otp_expired' && <ApiErrorAlert error={verifyOtp.error} />}
          {submitCapture.isPending ? (
            <Alert tone="info">{t('ekyc.submitting')}</Alert>
          ) : (
            <CaptureStep
              purpose="ekyc"
              stage="sender.ekyc"
              notice={step.notice === 'newOtp' ? { tone: 'info', key: 'ekyc.otp.newCapture' } : null}
              onCaptured={(piddata) => {
                if (!aadhaar) return setStep({ kind: 'aadhaar' });
                verifyOtp.reset();
                submitCapture.mutate({ piddata, sealed: aadhaar.sealed });
              }}
            />
          )}
        </div>
      )}

      {step.kind === 'otp' && (
        <div className="flex flex-col gap-4">
          <Alert tone="success">{step.refs.maskedMobile ? t('ekyc.otp.sentTo', { mobile: step.refs.maskedMobile }) : t('ekyc.otp.sent')}</Alert>
          {verifyOtp.isError && !(verifyOtp.error instanceof ApiClientError && verifyOtp.error.code === 'otp_wrong') && (
            <ApiErrorAlert error={verifyOtp.error} />
          )}
          <OtpStep
            sentAt={step.sentAt}
            verifying={verifyOtp.isPending}
            serverError={verifyOtp.error instanceof ApiClientError && verifyOtp.error.code === 'otp_wrong' ? verifyOtp.error.message : undefined}
            onSubmit={(otp) => verifyOtp.mutate({ otp, refs: step.refs })}
            onResend={() => {
              verifyOtp.reset();
              setStep({ kind: 'capture', notice: 'newOtp' });
            }}
          />
        </div>
      )}

      {(step.kind === 'done' || (step.kind === 'stopped' && lastError)) && (
        <div className="flex flex-col gap-3">
          {step.kind === 'done' ? (
            <Alert tone="success" testId="ekyc-done">
              {t('ekyc.done', { limit: inr(EKYC_MONTHLY_LIMIT) })}
            </Alert>
          ) : (
            <ApiErrorAlert error={lastError} />
          )}
          <div>
            <Button variant="secondary" onClick={onClose}>
              {t('ekyc.close')}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
