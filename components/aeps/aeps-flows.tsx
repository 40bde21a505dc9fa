'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useFlowInProgress } from '@/components/pwa/flow-guard';
import type { AgentSealPurpose } from '@/lib/aadhaar/seal';
import { ApiClientError, apiRequest } from '@/lib/api/client';
import { Alert } from '@/components/ui/alert';
import { BankSelect } from '@/components/forms/bank-select';
import { useI18n } from '@/components/i18n/i18n-provider';
import { AadhaarStep } from '@/components/ekyc/aadhaar-step';
import { CaptureStep } from '@/components/ekyc/capture-step';
import { OtpStep } from '@/components/ekyc/otp-step';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { LocationField } from './location-field';
import { aepsStatusKey } from './use-aeps-status';
import { useLocation } from './use-location';

interface Identity {
  aadhaar: string;
  latlong: string;
}
interface Refs {
  otpRefId: string;
  referenceTid: string;
}

const AGENT_AADHAAR_TEXT = {
  label: 'aeps.aadhaar.label',
  hint: 'aeps.aadhaar.hint',
  consentTitle: null,
  consent: 'aeps.consent',
  checkbox: 'aeps.consent.checkbox',
} as const;

function AgentBankSelect({ value, onChange }: { value: string; onChange: (v: string) => void }) {
  const { t } = useI18n();
  return <BankSelect label={t('aeps.bank.label')} placeholder={t('aeps.bank.placeholder')} value={value} onChange={onChange} />;
}

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiClientError ? error.fields[field] : undefined);

/** The agent's own Aadhaar (sealed for this flow's purpose) and the shop's location, as every AePS call needs. */
function AgentIdentityStep({
  purpose,
  submit,
  busy,
  error,
  onIdentified,
}: {
  purpose: AgentSealPurpose;
  submit: 'aeps.sendOtp' | 'aeps.continue';
  busy?: boolean;
  error?: string;
  onIdentified: (id: Identity) => void;
}) {
  const location = useLocation();
  return (
    <AadhaarStep
      use={{ purpose }}
      text={{ ...AGENT_AADHAAR_TEXT, submit }}
      ready={location.state.kind === 'ok'}
      busy={busy}
      serverError={error}
      onSealed={(aadhaar) => location.state.kind === 'ok' && onIdentified({ aadhaar, latlong: location.state.latlong })}
    >
      <LocationField state={location.state} onAsk={location.ask} />
    </AadhaarStep>
  );
}

/** Send OTP → Verify OTP (new refs) → bank + fingerprint with the eKYC wadh. */
export function OneTimeEkycFlow() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [refs, setRefs] = useState<Refs | null>(null);
  const [verified, setVerified] = useState<Refs | null>(null);
  const [bank, setBank] = useState('');
  const [otpSentAt, setOtpSentAt] = useState(0);
  // Why the agent is back at the Aadhaar step after a later step refused the seal (e.g. expired).
  const [aadhaarError, setAadhaarError] = useState<string | undefined>();
  useFlowInProgress(identity !== null);

  /** A later step refused the Aadhaar or its seal: the OTP steps start again with a new one. */
  function backToAadhaar(reason: string) {
    setIdentity(null);
    setRefs(null);
    setVerified(null);
    setAadhaarError(reason);
  }

  const sendOtp = useMutation({
    mutationFn: (id: Identity) => apiRequest<{ otpRefId: string; referenceTid: string | null }>('/api/aeps/ekyc/otp', { method: 'POST', json: id }),
    onSuccess: (r, id) => {
      setIdentity(id);
      setRefs({ otpRefId: r.otpRefId, referenceTid: r.referenceTid ?? '' });
      setOtpSentAt(Date.now());
    },
  });
  const verifyOtp = useMutation({
    mutationFn: (otp: string) => apiRequest<Refs>('/api/aeps/ekyc/otp/verify', { method: 'POST', json: { ...identity, ...refs, otp } }),
    onSuccess: (r) => {
      biometric.reset();
      setVerified(r);
    },
    onError: (error) => {
      const reason = fieldErrorOf(error, 'aadhaar');
      if (reason) backToAadhaar(reason);
    },
  });
  const biometric = useMutation({
    mutationFn: (piddata: string) => apiRequest('/api/aeps/ekyc/biometric', { method: 'POST', json: { ...identity, ...verified, piddata, bankCode: bank } }),
    onSuccess: () => {
      setIdentity(null); // nothing of the Aadhaar number outlives the flow
      void queryClient.invalidateQueries({ queryKey: aepsStatusKey });
    },
    onError: (error) => {
      const reason = fieldErrorOf(error, 'aadhaar');
      if (reason) return backToAadhaar(reason);
      if (error instanceof ApiClientError && error.code === 'aeps_ekyc_restart') {
        setRefs(null);
        setVerified(null);
        sendOtp.reset();
        verifyOtp.reset();
      }
    },
  });

  if (biometric.isSuccess)
    return (
      <Alert tone="success" testId="aeps-ekyc-done">
        {t('aeps.ekyc.done')}
      </Alert>
    );

  return (
    <section aria-labelledby="aeps-ekyc-title" className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4 sm:p-6" data-testid="aeps-ekyc">
      <h2 id="aeps-ekyc-title" className="text-2xl font-bold">
        {t('aeps.ekyc.title')}
      </h2>
      {!refs && (
        <>
          {biometric.isError && !fieldErrorOf(biometric.error, 'aadhaar') && <ApiErrorAlert error={biometric.error} />}
          {sendOtp.isError && !fieldErrorOf(sendOtp.error, 'aadhaar') && <ApiErrorAlert error={sendOtp.error} />}
          <AgentIdentityStep
            purpose="aeps_ekyc"
            submit="aeps.sendOtp"
            busy={sendOtp.isPending}
            error={fieldErrorOf(sendOtp.error, 'aadhaar') ?? aadhaarError}
            onIdentified={(id) => {
              setAadhaarError(undefined);
              sendOtp.mutate(id);
            }}
          />
        </>
      )}
      {refs && !verified && (
        <>
          <Alert tone="success">{t('aeps.otp.sent')}</Alert>
          {verifyOtp.isError && verifyOtp.error instanceof ApiClientError && verifyOtp.error.code !== 'aeps_otp_invalid' && (
            <ApiErrorAlert error={verifyOtp.error} />
          )}
          <OtpStep
            label="aeps.otp.label"
            resendLabel="aeps.otp.again"
            sentAt={otpSentAt}
            verifying={verifyOtp.isPending}
            serverError={verifyOtp.error instanceof ApiClientError && verifyOtp.error.code === 'aeps_otp_invalid' ? verifyOtp.error.message : undefined}
            onSubmit={(otp) => verifyOtp.mutate(otp)}
            onResend={() => {
              verifyOtp.reset();
              setRefs(null);
            }}
          />
        </>
      )}
      {verified && (
        <>
          <AgentBankSelect value={bank} onChange={setBank} />
          {biometric.isError && <ApiErrorAlert error={biometric.error} />}
          {biometric.isPending ? (
            <Alert tone="info">{t('aeps.submitting')}</Alert>
          ) : (
            bank && <CaptureStep purpose="ekyc" stage="aeps.ekyc_biometric" onCaptured={(pid) => biometric.mutate(pid)} />
          )}
        </>
      )}
    </section>
  );
}

/** Aadhaar + location + bank + fingerprint with a blank wadh, once per calendar day. */
export function DailyAuthFlow({ ekycCompletedOn, onDone }: { ekycCompletedOn: string; onDone?: () => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [bank, setBank] = useState('');
  useFlowInProgress(identity !== null);

  const [failedEarly, setFailedEarly] = useState(false);
  const authenticate = useMutation({
    mutationFn: (piddata: string) => apiRequest('/api/aeps/daily-auth', { method: 'POST', json: { ...identity, piddata, bankCode: bank } }),
    onSuccess: () => {
      setIdentity(null);
      void queryClient.invalidateQueries({ queryKey: aepsStatusKey });
      onDone?.();
    },
    onError: (error) => {
      if (error instanceof ApiClientError && error.code === 'aeps_ekyc_required') void queryClient.invalidateQueries({ queryKey: aepsStatusKey });
      // The Aadhaar or its seal refused (e.g. more than 10 minutes old): enter it again.
      if (error instanceof ApiClientError && error.fields.aadhaar) setIdentity(null);
      // Eko's docs say the daily authentication works only 3 days after the one-time eKYC.
      const daysSinceEkyc = Math.floor((Date.now() - Date.parse(`${ekycCompletedOn}T00:00:00+05:30`)) / 86_400_000);
      setFailedEarly(error instanceof ApiClientError && error.code === 'aeps_daily_failed' && daysSinceEkyc < 3);
    },
  });

  if (authenticate.isSuccess)
    return (
      <Alert tone="success" testId="aeps-daily-done">
        {t('aeps.daily.done')}
      </Alert>
    );

  return (
    <section
      aria-labelledby="aeps-daily-title"
      className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4 sm:p-6"
      data-testid="aeps-daily"
    >
      <h2 id="aeps-daily-title" className="text-2xl font-bold">
        {t('aeps.daily.title')}
      </h2>
      {!identity ? (
        <AgentIdentityStep
          purpose="aeps_daily_auth"
          submit="aeps.continue"
          error={fieldErrorOf(authenticate.error, 'aadhaar')}
          onIdentified={(id) => {
            authenticate.reset();
            setIdentity(id);
          }}
        />
      ) : (
        <>
          <AgentBankSelect value={bank} onChange={setBank} />
          {authenticate.isError && <ApiErrorAlert error={authenticate.error} />}
          {failedEarly && <Alert tone="info">{t('aeps.daily.recentEkyc', { date: ekycCompletedOn })}</Alert>}
          {authenticate.isPending ? (
            <Alert tone="info">{t('aeps.submitting')}</Alert>
          ) : (
            bank && <CaptureStep purpose="daily_auth" stage="aeps.daily_auth" onCaptured={(pid) => authenticate.mutate(pid)} />
          )}
        </>
      )}
    </section>
  );
}
