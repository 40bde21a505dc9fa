'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useFlowInProgress } from '@/components/pwa/flow-guard';
import { OUTCOME_UNKNOWN } from '@/lib/api/client';
import { formatMobile, paiseToRupees } from '@/lib/i18n/core';
import { parseTransferRupees, TRANSFER_MIN_RUPEES, transferRupeesProblem } from '@/lib/schemas/rupees';
import { estimateFee, type FeeRule } from '@/lib/transfers/fees';
import { isPending, panBlocksAll, type TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { LinkButton } from '@/components/ui/link-button';
import { onDemand, opening } from '@/components/ui/on-demand';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import type { OtpSentHere } from './otp-form';
import { Facts } from '@/components/ui/facts';
import { useRupees } from '@/components/ui/rupees';
import { DoNotPayAgain } from './do-not-pay-again';
import { errorCode } from './error-code';
import { useInitiateTransfer, useSendTransferOtp } from './use-transfer-calls';
import { usePendingTransfers } from './use-pending';
import { useRecipients, useSender } from './use-transfers';

// The amount is the page's first view, checked as the agent types and on Continue without zod
// (lib/schemas/rupees.ts, tested to agree with the route handler's schema; issue 16, part 2).
// The later steps are fetched apart from the page, their code starting with the first keystroke
// in the amount: the summary to read out, the OTP, a decline's next step, and the list of open
// transfers under a "do not pay again" that shows at once. One module: the OTP and a decline come
// only from the summary, which has loaded it, so only the summary has something to show while it
// arrives.
const loadSteps = () => import('./transfer-steps');
const ConfirmStep = onDemand(() => loadSteps().then((m) => m.ConfirmStep), opening('send.confirm.loading'));
const OtpStep = onDemand(() => loadSteps().then((m) => m.OtpStep));
const DeclinedStep = onDemand(() => loadSteps().then((m) => m.DeclinedStep));
const PendingItems = onDemand(() => loadSteps().then((m) => m.PendingItems));

type Step =
  | { kind: 'amount' }
  | { kind: 'confirm'; amount: number }
  | { kind: 'otp'; amount: number; otp: OtpSentHere; wrongOtp: boolean }
  | { kind: 'declined'; amount: number; tx: TransactionView }
  /** The answer to Transfer never reached this screen: the transfer may or may not be under way. */
  | { kind: 'unsure'; amount: number };

/** The fee rule in words, from the rule itself. */
function FeeRuleNote({ rule }: { rule: FeeRule }) {
  const { t } = useI18n();
  const rupees = useRupees();
  return <p className="text-sm text-slate-700">{t('send.fee.rule', { percent: rule.percent, minimum: rupees(rule.minimumPaise) })}</p>;
}

function FeeFigures({ amount, rule }: { amount: number; rule: FeeRule }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const fee = estimateFee(amount * 100, rule);
  return (
    <div className="rounded-lg bg-slate-100 p-3" data-testid="fee-estimate" aria-live="polite">
      <Facts
        rows={[
          [t('send.amount.short'), rupees(fee.amountPaise)],
          [t('send.fee.estimate'), rupees(fee.feePaise), 'fee-estimate-fee'],
          [
            t('send.total'),
            <span key="total" className="text-xl">
              {rupees(fee.totalPaise)}
            </span>,
            'fee-estimate-total',
          ],
        ]}
      />
      <p className="mt-2 text-sm text-slate-800">{t('send.fee.estimateNote')}</p>
    </div>
  );
}

function AmountStep({
  initial,
  maxRupees,
  availableRupees,
  rule,
  onNext,
}: {
  initial: string;
  maxRupees: number;
  availableRupees: number;
  rule: FeeRule;
  onNext: (amount: number) => void;
}) {
  const { t, tMaybe, inr } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const live = parseTransferRupees(typed);
  const amount = live !== null && live <= maxRupees ? live : null;

  const fail = (message: string) => {
    setError(message);
    input.current?.focus();
  };
  return (
    <form
      noValidate
      onInput={ConfirmStep.preload}
      onPointerDown={ConfirmStep.preload}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = input.current?.value ?? '';
        const problem = transferRupeesProblem(typed);
        if (problem) return fail(problem);
        const value = parseTransferRupees(typed)!;
        if (value > maxRupees) return fail(t('send.amount.overMax', { max: inr(maxRupees) }));
        setError(undefined);
        onNext(value);
      }}
    >
      <div className="grid gap-4 md:grid-cols-[minmax(0,20rem)_1fr] md:items-start">
        <TextField
          ref={input}
          name="amount"
          defaultValue={initial}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(undefined);
          }}
          label={t('send.amount')}
          hint={t('send.amount.hint', { min: inr(TRANSFER_MIN_RUPEES), max: inr(maxRupees) })}
          error={fieldError(tMaybe, error)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={5}
          className="text-2xl tabular-nums"
          autoFocus
        />
        <div className="rounded-lg bg-slate-50 p-3 md:mt-6" data-testid="amount-limits">
          <Facts
            rows={[
              [t('send.limit.available'), inr(availableRupees), 'limit-available'],
              [t('send.limit.perTransfer'), inr(paiseToRupees(rule.maxTransferPaise))],
              [t('send.limit.now'), inr(maxRupees), 'limit-now'],
            ]}
          />
        </div>
      </div>
      {amount !== null && <FeeFigures amount={amount} rule={rule} />}
      <FeeRuleNote rule={rule} />
      <div>
        <Button type="submit">{t('send.continue')}</Button>
      </div>
    </form>
  );
}

export function SendMoney({ mobile, recipientId, rule }: { mobile: string; recipientId: string; rule: FeeRule }) {
  const { t, inr } = useI18n();
  const router = useRouter();
  const rupees = useRupees();
  const sender = useSender(mobile);
  const recipients = useRecipients(mobile);
  const pending = usePendingTransfers(mobile);
  const sendOtp = useSendTransferOtp();
  const transfer = useInitiateTransfer();
  const [step, setStep] = useState<Step>({ kind: 'amount' });
  const [lastAmount, setLastAmount] = useState('');
  const [transferError, setTransferError] = useState<unknown>(null);
  const [otpError, setOtpError] = useState<unknown>(null);
  // From the OTP on, an update of the app must not reload the page under the agent.
  useFlowInProgress(step.kind === 'otp' || transfer.busy);

  const loading = sender.isPending || recipients.isPending || pending.isPending;
  const loadError = sender.error ?? recipients.error ?? pending.error;
  if (loading) return <Spinner label={t('send.loading')} />;
  if (loadError || !sender.data || !recipients.data || !pending.data) {
    return (
      <ApiErrorAlert
        error={loadError}
        onRetry={() => {
          void sender.refetch();
          void recipients.refetch();
          void pending.refetch();
        }}
      />
    );
  }

  const recipient = recipients.data.recipients.find((r) => r.id === recipientId);
  const back = (
    <LinkButton href={`/senders?mobile=${mobile}`} variant="secondary">
      {t('send.backToSender')}
    </LinkButton>
  );
  if (!recipient) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="error" testId="recipient-missing">
          {t('send.recipientMissing')}
        </Alert>
        <div>{back}</div>
      </div>
    );
  }

  // A transfer to this recipient whose outcome is open comes first: never a form for a second one.
  const open = pending.data.filter((tx) => tx.recipient?.id === recipientId);
  if (open.length > 0 && step.kind !== 'unsure') {
    return (
      <div className="flex flex-col gap-4" data-testid="send-blocked-pending">
        <DoNotPayAgain>
          <PendingItems pending={open} showSender={false} />
          <p className="mt-3">{t('send.pending.blocked')}</p>
        </DoNotPayAgain>
        <div>{back}</div>
      </div>
    );
  }

  const limits = sender.data.limits;
  const list = recipients.data;
  const availableRupees = limits?.available ?? 0;
  const panRupees = list.panRequired ? paiseToRupees(list.limitBeforePanPaise ?? 0) : Infinity;
  const maxRupees = Math.max(0, Math.floor(Math.min(paiseToRupees(rule.maxTransferPaise), availableRupees, panRupees)));
  const senderName = sender.data.name;

  const requestOtp = async (amount: number) => {
    setTransferError(null);
    setOtpError(null);
    try {
      const sent = await sendOtp.run({ senderMobile: mobile, recipientId, amount });
      if (sent) setStep({ kind: 'otp', amount, otp: { ...sent, receivedAt: Date.now() }, wrongOtp: false });
    } catch (error) {
      setOtpError(error);
      if (errorCode(error) === 'transfer_pending') void pending.refetch();
    }
  };
  // What the confirm and OTP steps show of Send OTP.
  const otpCall = { isPending: sendOtp.busy, isError: otpError !== null, error: otpError };

  const doTransfer = async (amount: number, otp: OtpSentHere, typed: string) => {
    setTransferError(null);
    try {
      const tx = await transfer.run({ senderMobile: mobile, recipientId, amount, otpRefId: otp.otpRefId, otp: typed });
      if (!tx) return;
      if (tx.state === 'success') return router.push(`/receipts/${tx.id}`);
      if (isPending(tx) || tx.state === 'refund_pending' || tx.state === 'refunded') return router.replace(`/transactions/${tx.id}`);
      // Declined or failed: no money moved. A wrong OTP may be typed again for the same reference.
      if (tx.declineReason === 'wrong_otp') return setStep({ kind: 'otp', amount, otp, wrongOtp: true });
      setStep({ kind: 'declined', amount, tx });
    } catch (error) {
      const code = errorCode(error);
      if (code === 'transfer_pending' || code === 'otp_already_used') void pending.refetch();
      if (OUTCOME_UNKNOWN.has(code)) {
        void pending.refetch();
        return setStep({ kind: 'unsure', amount });
      }
      setTransferError(error);
    }
  };

  const heading = (
    <div className="flex flex-col gap-1">
      <h2 className="text-2xl font-bold">{t('send.to', { name: recipient.name })}</h2>
      <p className="text-slate-800">
        {recipient.bank} · <span className="tabular-nums">{recipient.accountMasked}</span> · {recipient.ifsc}
      </p>
      <p className="text-slate-800">{t('send.from', { name: senderName ?? t('sender.unnamed'), mobile: formatMobile(mobile) })}</p>
    </div>
  );

  if (!limits || maxRupees < TRANSFER_MIN_RUPEES || panBlocksAll(list)) {
    return (
      <div className="flex flex-col gap-4">
        {heading}
        <Alert tone="warning" testId="send-not-possible">
          {panBlocksAll(list)
            ? t('recipients.pan.blocked')
            : !limits
              ? t('send.noLimits')
              : t('send.limitTooLow', { available: inr(availableRupees), min: inr(TRANSFER_MIN_RUPEES) })}
        </Alert>
        <div>{back}</div>
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-5" data-testid="send-money" data-step={step.kind}>
      {heading}
      {list.panRequired && <Alert tone="warning">{t('recipients.pan.upTo', { limit: rupees(list.limitBeforePanPaise ?? 0) })}</Alert>}

      {step.kind === 'amount' && (
        <AmountStep
          initial={lastAmount}
          maxRupees={maxRupees}
          availableRupees={availableRupees}
          rule={rule}
          onNext={(amount) => {
            setLastAmount(String(amount));
            setOtpError(null);
            setStep({ kind: 'confirm', amount });
          }}
        />
      )}

      {step.kind === 'confirm' && (
        <ConfirmStep
          senderName={senderName}
          mobile={mobile}
          recipient={recipient}
          amount={step.amount}
          rule={rule}
          sendOtp={otpCall}
          onSendOtp={() => void requestOtp(step.amount)}
          onChangeAmount={() => setStep({ kind: 'amount' })}
        />
      )}

      {step.kind === 'otp' && (
        <OtpStep
          mobile={mobile}
          recipient={recipient}
          amount={step.amount}
          otp={step.otp}
          wrongOtp={step.wrongOtp}
          transferError={transferError}
          sendOtp={otpCall}
          busy={transfer.busy}
          onSubmit={(typed) => void doTransfer(step.amount, step.otp, typed)}
          onResend={() => void requestOtp(step.amount)}
          onCancel={() => setStep({ kind: 'amount' })}
        />
      )}

      {step.kind === 'declined' && (
        <DeclinedStep
          tx={step.tx}
          onNewOtp={() => {
            setOtpError(null);
            setStep({ kind: 'confirm', amount: step.amount });
          }}
          onChangeAmount={() => setStep({ kind: 'amount' })}
        />
      )}

      {step.kind === 'unsure' && (
        <section className="flex flex-col gap-4" data-testid="transfer-unsure">
          <DoNotPayAgain>
            <p className="mt-2">{t('send.unsure')}</p>
            {open.length > 0 && <PendingItems pending={open} showSender={false} />}
          </DoNotPayAgain>
          <div className="flex flex-wrap gap-3">
            <LinkButton href="/transactions" variant="primary">
              {t('send.unsure.history')}
            </LinkButton>
            {back}
          </div>
        </section>
      )}
    </div>
  );
}
