'use client';

import type { AepsFlow } from '@/lib/aeps/types';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { checkWithdrawalAmount, MIN_WITHDRAWAL_NM_POINTS, type WithdrawalRule } from '@/lib/aeps/amount';
import { ApiClientError, OUTCOME_UNKNOWN } from '@/lib/api/client';
import { formatMobile } from '@/lib/i18n/core';
import type { AepsCustomerForm } from '@/lib/schemas/aeps';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { LinkButton } from '@/components/ui/link-button';
import { Facts, useRupees } from '@/components/ui/money';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useFlowInProgress } from '@/components/pwa/flow-guard';
import { BankSelect, useBanks } from '@/components/forms/bank-select';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import { lazyZodResolver } from '@/components/forms/lazy-validation';
import { AadhaarStep } from '@/components/ekyc/aadhaar-step';
import { CaptureStep } from '@/components/ekyc/capture-step';
import { AepsDecline, dailyAuthPath, DoNotPayOut } from './aeps-outcome';
import { AepsReceipt } from './aeps-receipt';
import { LocationField } from './location-field';
import { type AepsAnswer, useAepsSubmit } from './use-aeps-transaction';
import { aepsStatusKey, useAepsStatus } from './use-aeps-status';
import { useLocation } from './use-location';

const CUSTOMER_AADHAAR_TEXT = {
  label: 'aeps.tx.aadhaar.label',
  hint: 'aeps.tx.aadhaar.hint',
  consentTitle: 'aeps.tx.consent.title',
  consent: 'aeps.tx.consent',
  checkbox: 'aeps.tx.consent.checkbox',
  submit: 'aeps.tx.toFingerprint',
} as const;

interface Customer {
  customerMobile: string;
  bankCode: string;
  /** Whole rupees; withdrawals only. */
  amount: number | null;
}
interface Identity {
  aadhaar: string;
  masked: string;
  latlong: string;
}

// The checks (zod) are fetched on the form's first keystroke or tap, not with the page (issue 16,
// part 2). Without them the form does not go on: the mobile is sealed with the Aadhaar next.
const customerForm = lazyZodResolver((zodResolver) => import('@/lib/schemas/aeps').then((m) => zodResolver(m.aepsCustomerFormSchema)), 'customerMobile');

/** Mobile, bank and (for a withdrawal) the amount: the seal binds the Aadhaar to this mobile, so it comes first. */
function CustomerStep({ flow, rule, initial, onDone }: { flow: AepsFlow; rule: WithdrawalRule; initial: Customer | null; onDone: (c: Customer) => void }) {
  const { t, tMaybe, inr } = useI18n();
  const { register, handleSubmit, formState, control, setError } = useForm<AepsCustomerForm>({
    resolver: customerForm.resolver,
    defaultValues: { customerMobile: initial?.customerMobile ?? '', bankCode: initial?.bankCode ?? '', amount: initial?.amount ? String(initial.amount) : '' },
  });
  const typed = useWatch({ control, name: 'amount' }) ?? '';
  const rupees = /^\d{1,6}$/.test(typed.trim()) ? Number(typed.trim()) : null;
  const amountOk = rupees !== null && checkWithdrawalAmount(rupees, rule) === null;
  const limits = { min: inr(rule.minRupees), max: inr(rule.maxRupees), step: inr(rule.stepRupees) };

  const submit = handleSubmit((values) => {
    if (flow !== 'withdrawal') return onDone({ customerMobile: values.customerMobile, bankCode: values.bankCode, amount: null });
    if (rupees === null || !amountOk) return setError('amount', { message: t('validation.withdrawal.amount', limits) });
    onDone({ customerMobile: values.customerMobile, bankCode: values.bankCode, amount: rupees });
  });

  return (
    <form noValidate {...customerForm.preloadOnUse} onSubmit={submit} className="flex flex-col gap-4" data-testid="aeps-customer-step">
      <TextField
        {...register('customerMobile')}
        label={t('aeps.tx.mobile.label')}
        hint={t('aeps.tx.mobile.hint')}
        error={fieldError(tMaybe, formState.errors.customerMobile?.message)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        className="max-w-xs text-lg tabular-nums"
      />
      <Controller
        control={control}
        name="bankCode"
        render={({ field, fieldState }) => (
          <div className="flex flex-col gap-1">
            <BankSelect label={t('aeps.tx.bank.label')} placeholder={t('aeps.tx.bank.placeholder')} value={field.value} onChange={field.onChange} />
            {fieldState.error && <p className="text-sm font-medium text-red-700">{fieldError(tMaybe, fieldState.error.message)}</p>}
          </div>
        )}
      />
      {flow === 'withdrawal' && (
        <div className="flex flex-col gap-2">
          <TextField
            {...register('amount')}
            label={t('aeps.tx.amount.label')}
            hint={t('aeps.tx.amount.hint', limits)}
            error={formState.errors.amount?.message}
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            className="max-w-xs text-lg tabular-nums"
          />
          {amountOk && (
            <p className="text-lg font-bold" data-testid="collect-nothing" aria-live="polite">
              {t('aeps.tx.collectNothing', { amount: inr(rupees) })}
            </p>
          )}
        </div>
      )}
      <div>
        <Button type="submit">{t('aeps.tx.continue')}</Button>
      </div>
    </form>
  );
}

/** What the agent typed so far, with a way back to change it (nothing of the Aadhaar is shown but its mask). */
function Summary({ flow, customer, masked, onChange }: { flow: AepsFlow; customer: Customer; masked: string | null; onChange: () => void }) {
  const { t, inr } = useI18n();
  const banks = useBanks();
  const bank = banks.find((b) => b.code === customer.bankCode)?.name ?? customer.bankCode;
  const rows: [string, string, string?][] = [
    [t('aeps.receipt.customer'), formatMobile(customer.customerMobile)],
    [t('receipt.bank'), bank],
  ];
  if (flow === 'withdrawal' && customer.amount !== null) rows.push([t('aeps.tx.payOutAmount'), inr(customer.amount), 'summary-amount']);
  if (masked) rows.push([t('aeps.receipt.aadhaar'), masked, 'summary-aadhaar']);
  return (
    <div className="flex flex-col gap-3 rounded-lg bg-slate-50 p-4" data-testid="aeps-summary">
      <Facts rows={rows} />
      {flow === 'withdrawal' && customer.amount !== null && <p className="font-bold">{t('aeps.tx.collectNothing', { amount: inr(customer.amount) })}</p>}
      <div>
        <Button variant="ghost" onClick={onChange}>
          {t('aeps.tx.change')}
        </Button>
      </div>
    </div>
  );
}

/** The answer to a balance enquiry or mini statement: the figures, shown once, and the customer's copy. */
function EnquiryAnswer({
  answer,
  training,
  onAnother,
}: {
  answer: Extract<AepsAnswer, { flow: 'balance' | 'statement' }>;
  training: boolean;
  onAnother: () => void;
}) {
  const { t } = useI18n();
  const rupees = useRupees();
  const tx = answer.transaction;
  if (tx.state !== 'success') return <AepsDecline tx={tx} onTryAgain={onAnother} />;
  return (
    <div className="flex flex-col gap-5">
      <Alert tone="success" testId="aeps-enquiry-done">
        {answer.balancePaise !== null ? (
          <p className="text-2xl font-bold" data-testid="aeps-balance">
            {t('aeps.balance.is', { balance: rupees(answer.balancePaise) })}
          </p>
        ) : (
          <p className="font-semibold">{t('aeps.balance.none')}</p>
        )}
        <p className="mt-1">{t('aeps.enquiry.onceOnly')}</p>
      </Alert>
      <AepsReceipt tx={tx} training={training} balancePaise={answer.balancePaise} lines={answer.flow === 'statement' ? (answer.lines ?? []) : null} />
      <div className="flex flex-wrap gap-3 print:hidden">
        <Button onClick={onAnother}>{t('aeps.anotherCustomer')}</Button>
        <LinkButton href="/aeps">{t('aeps.backToMenu')}</LinkButton>
      </div>
    </div>
  );
}

/**
 * Balance enquiry, mini statement or cash withdrawal for a customer at the counter, behind today's
 * daily authentication: customer and amount → the customer's Aadhaar (sealed to their mobile) and
 * the location → the customer's fingerprint (no wadh) → the answer.
 */
export function AepsTransactionFlow({ flow, rule, training }: { flow: AepsFlow; rule: WithdrawalRule; training: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { query: statusQuery, phase } = useAepsStatus();
  const location = useLocation();
  const submit = useAepsSubmit();
  const [customer, setCustomer] = useState<Customer | null>(null);
  const [editing, setEditing] = useState(true);
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [aadhaarError, setAadhaarError] = useState<string | undefined>();
  const [captureError, setCaptureError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [unknownOutcome, setUnknownOutcome] = useState(false);
  const [answer, setAnswer] = useState<AepsAnswer | null>(null);
  useFlowInProgress(identity !== null || submit.busy);

  // Not authenticated today: to the daily authentication, and back here afterwards.
  const due = phase === 'ekyc' || phase === 'due';
  useEffect(() => {
    if (due) router.replace(dailyAuthPath(flow));
  }, [due, flow, router]);

  const startOver = () => {
    setIdentity(null);
    setAnswer(null);
    setError(null);
    setUnknownOutcome(false);
    setCaptureError(null);
    setEditing(true);
  };

  const send = async (piddata: string) => {
    if (!customer || !identity) return;
    setError(null);
    setCaptureError(null);
    const body = { customerMobile: customer.customerMobile, aadhaar: identity.aadhaar, latlong: identity.latlong, bankCode: customer.bankCode, piddata };
    try {
      const result = await submit.run(flow, flow === 'withdrawal' ? { ...body, amount: customer.amount ?? 0 } : body);
      if (!result) return;
      setIdentity(null); // nothing of the Aadhaar outlives the call
      const tx = result.transaction;
      if (tx.declineReason === 'two_fa_required') {
        void queryClient.invalidateQueries({ queryKey: aepsStatusKey });
        return router.push(dailyAuthPath(flow, { again: true }));
      }
      if (result.flow === 'withdrawal') return router.push(`/transactions/${tx.id}`);
      setAnswer(result);
    } catch (err) {
      const apiError = err instanceof ApiClientError ? err : null;
      if (apiError?.code === 'aeps_daily_auth_required') {
        setIdentity(null);
        await queryClient.invalidateQueries({ queryKey: aepsStatusKey });
        return router.push(dailyAuthPath(flow));
      }
      if (apiError?.fields.aadhaar) {
        setIdentity(null);
        return setAadhaarError(apiError.fields.aadhaar);
      }
      if (apiError?.fields.piddata) return setCaptureError(apiError.fields.piddata);
      if (apiError?.fields.customerMobile || apiError?.fields.bankCode || apiError?.fields.amount) {
        setIdentity(null);
        setEditing(true);
      }
      // A withdrawal whose answer never arrived may have reached the bank: never offer to send it again.
      if (flow === 'withdrawal' && OUTCOME_UNKNOWN.has(apiError?.code ?? 'network')) {
        setIdentity(null);
        setUnknownOutcome(true);
      }
      setError(err);
    }
  };

  if (statusQuery.isPending || due) return <Spinner label={t('aeps.status.loading')} />;
  if (answer && answer.flow !== 'withdrawal') return <EnquiryAnswer answer={answer} training={training} onAnother={startOver} />;

  if (unknownOutcome) {
    return (
      <DoNotPayOut>
        <p className="mt-2">{t('aeps.unknownOutcome')}</p>
        <div className="mt-3">
          <LinkButton href="/transactions" variant="primary">
            {t('aeps.findInHistory')}
          </LinkButton>
        </div>
      </DoNotPayOut>
    );
  }

  const pendingId = error instanceof ApiClientError && error.code === 'withdrawal_pending' ? error.transactionId : null;

  return (
    <section
      aria-labelledby="aeps-tx-title"
      className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4 sm:p-6"
      data-testid={`aeps-${flow}`}
    >
      <h2 id="aeps-tx-title" className="text-2xl font-bold">
        {t('aeps.tx.title')}
      </h2>
      {error !== null && (
        <ApiErrorAlert error={error}>
          {pendingId && (
            <div className="mt-3">
              <LinkButton href={`/transactions/${pendingId}`} variant="primary">
                {t('aeps.openPending')}
              </LinkButton>
            </div>
          )}
        </ApiErrorAlert>
      )}
      {editing || !customer ? (
        <CustomerStep
          flow={flow}
          rule={rule}
          initial={customer}
          onDone={(c) => {
            setCustomer(c);
            setEditing(false);
            setIdentity(null);
            setError(null);
          }}
        />
      ) : (
        <>
          <Summary flow={flow} customer={customer} masked={identity?.masked ?? null} onChange={() => setEditing(true)} />
          {!identity ? (
            <AadhaarStep
              use={{ purpose: 'aeps_transaction', mobile: customer.customerMobile }}
              text={CUSTOMER_AADHAAR_TEXT}
              ready={location.state.kind === 'ok'}
              serverError={aadhaarError}
              onSealed={(aadhaar, masked) => {
                if (location.state.kind !== 'ok') return;
                setAadhaarError(undefined);
                setIdentity({ aadhaar, masked, latlong: location.state.latlong });
              }}
            >
              <LocationField state={location.state} onAsk={location.ask} />
            </AadhaarStep>
          ) : submit.busy ? (
            <Alert tone="info" testId="aeps-sending">
              {t(flow === 'withdrawal' ? 'aeps.tx.sendingWithdrawal' : 'aeps.tx.sending')}
            </Alert>
          ) : (
            <>
              {captureError && (
                <Alert tone="error" testId="capture-refused">
                  {captureError}
                </Alert>
              )}
              <CaptureStep
                purpose="auth"
                stage={`aeps.${flow}`}
                instructions="aeps.tx.capture.instructions"
                minNmPoints={flow === 'withdrawal' ? MIN_WITHDRAWAL_NM_POINTS : undefined}
                onCaptured={(pid) => void send(pid)}
              />
            </>
          )}
        </>
      )}
    </section>
  );
}
