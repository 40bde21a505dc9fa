'use client';

import { type AepsFlow, dailyAuthPath } from '@/lib/aeps/types';
import { useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { checkWithdrawalAmount, type WithdrawalRule } from '@/lib/aeps/amount';
import { ApiClientError, OUTCOME_UNKNOWN } from '@/lib/api/client';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { LinkButton } from '@/components/ui/link-button';
import { onDemand, opening } from '@/components/ui/on-demand';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useFlowInProgress } from '@/components/pwa/flow-guard';
import { BankSelect } from '@/components/forms/bank-select';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import { type FieldMessages, lazySchema } from '@/components/forms/lazy-validation';
import { DoNotPayOut } from './do-not-pay-out';
import type { Customer, Identity } from './identity-steps';
import { type AepsAnswer, useAepsSubmit } from './use-aeps-submit';
import { aepsStatusKey, useAepsStatus } from './use-aeps-status';
import { useLocation } from './use-location';

// The checks (zod) are fetched on the form's first keystroke or tap, not with the page, and with
// them the next steps' code (issue 16, part 2). Without the checks the form does not go on: the
// mobile is sealed with the Aadhaar next, and the server could refuse it only after the fact.
const customerForm = lazySchema(() => import('@/lib/schemas/aeps').then((m) => m.aepsCustomerFormSchema));

// The steps after the customer's details: the Aadhaar (react-hook-form, the seal's Web Crypto)
// with the location, the fingerprint (the RD service), and an enquiry's answer with its receipt.
// Their code starts coming with the first keystroke or tap in the customer's details, so it is
// here when needed.
const IdentitySteps = onDemand(() => import('./identity-steps').then((m) => m.IdentitySteps), opening('aeps.tx.step.loading'));
const EnquiryAnswer = onDemand(() => import('./enquiry-answer').then((m) => m.EnquiryAnswer), opening('aeps.tx.step.loading'));
const preloadSteps = () => {
  customerForm.preload();
  IdentitySteps.preload();
  EnquiryAnswer.preload();
};

type CustomerFields = { customerMobile: string; bankCode: string; amount: string };

/** Mobile, bank and (for a withdrawal) the amount: the seal binds the Aadhaar to this mobile, so it comes first. */
function CustomerStep({ flow, rule, initial, onDone }: { flow: AepsFlow; rule: WithdrawalRule; initial: Customer | null; onDone: (c: Customer) => void }) {
  const { t, tMaybe, inr } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<CustomerFields>({
    customerMobile: initial?.customerMobile ?? '',
    bankCode: initial?.bankCode ?? '',
    amount: initial?.amount ? String(initial.amount) : '',
  });
  const [fields, setFields] = useState<FieldMessages>({});
  // Set while the checks may still be downloading: a second tap then does nothing.
  const checking = useRef(false);
  const typed = values.amount.trim();
  const rupees = /^\d{1,6}$/.test(typed) ? Number(typed) : null;
  const amountOk = rupees !== null && checkWithdrawalAmount(rupees, rule) === null;
  const limits = { min: inr(rule.minRupees), max: inr(rule.maxRupees), step: inr(rule.stepRupees) };

  // A field's message goes once the agent changes that field.
  const change = (name: keyof CustomerFields, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    if (fields[name]) setFields(({ [name]: _, ...rest }) => rest);
  };
  const refuse = (messages: FieldMessages) => {
    // Committed at once, so that the first field with a message can take the focus, as a form
    // library would give it.
    flushSync(() => setFields(messages));
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  const submit = async () => {
    const checked = await customerForm.check(values);
    if (!checked.ok) return refuse(checked.fields);
    if (checked.data === null) return refuse({ customerMobile: 'errors.network' });
    const { customerMobile, bankCode } = checked.data;
    if (flow !== 'withdrawal') return onDone({ customerMobile, bankCode, amount: null });
    if (rupees === null || !amountOk) return refuse({ amount: t('validation.withdrawal.amount', limits) });
    onDone({ customerMobile, bankCode, amount: rupees });
  };

  return (
    <form
      ref={form}
      noValidate
      onInput={preloadSteps}
      onPointerDown={preloadSteps}
      onSubmit={(e) => {
        e.preventDefault();
        if (checking.current) return;
        checking.current = true;
        void submit().finally(() => {
          checking.current = false;
        });
      }}
      className="flex flex-col gap-4"
      data-testid="aeps-customer-step"
    >
      <TextField
        name="customerMobile"
        value={values.customerMobile}
        onChange={(e) => change('customerMobile', e.target.value)}
        label={t('aeps.tx.mobile.label')}
        hint={t('aeps.tx.mobile.hint')}
        error={fieldError(tMaybe, fields.customerMobile)}
        inputMode="numeric"
        autoComplete="off"
        maxLength={10}
        className="max-w-xs text-lg tabular-nums"
      />
      <BankSelect
        label={t('aeps.tx.bank.label')}
        placeholder={t('aeps.tx.bank.placeholder')}
        value={values.bankCode}
        error={fieldError(tMaybe, fields.bankCode)}
        onChange={(code) => change('bankCode', code)}
      />
      {flow === 'withdrawal' && (
        <div className="flex flex-col gap-2">
          <TextField
            name="amount"
            value={values.amount}
            onChange={(e) => change('amount', e.target.value)}
            label={t('aeps.tx.amount.label')}
            hint={t('aeps.tx.amount.hint', limits)}
            error={fieldError(tMaybe, fields.amount)}
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
      const result = await submit.run({ flow, input: flow === 'withdrawal' ? { ...body, amount: customer.amount ?? 0 } : body });
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
        <IdentitySteps
          flow={flow}
          customer={customer}
          identity={identity}
          location={location}
          aadhaarError={aadhaarError}
          captureError={captureError}
          sending={submit.busy}
          onChange={() => setEditing(true)}
          onSealed={(next) => {
            setAadhaarError(undefined);
            setIdentity(next);
          }}
          onCaptured={(pid) => void send(pid)}
        />
      )}
    </section>
  );
}
