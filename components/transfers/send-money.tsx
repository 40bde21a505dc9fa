'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { useFlowInProgress } from '@/components/pwa/flow-guard';
import { ApiClientError, OUTCOME_UNKNOWN } from '@/lib/api/client';
import { formatMobile, paiseToRupees } from '@/lib/i18n/core';
import { parseTransferRupees, TRANSFER_MIN_RUPEES } from '@/lib/schemas/rupees';
import { estimateFee, type FeeRule } from '@/lib/transfers/fees';
import { isPending, panBlocksAll, type Recipient, type TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { LinkButton } from '@/components/ui/link-button';
import { onDemand, opening } from '@/components/ui/on-demand';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import { lazySchema } from '@/components/forms/lazy-validation';
import type { OtpSentHere } from './otp-form';
import { Facts, useRupees } from '@/components/ui/money';
import { DoNotPayAgain } from './do-not-pay-again';
import { errorCode } from './parts';
import { useInitiateTransfer, useSendTransferOtp } from './use-transfer-actions';
import { usePendingTransfers, useRecipients, useSender } from './use-transfers';

// The amount is the page's first view: its check (zod) is fetched while the agent types, not with
// the page (issue 16, part 2); the fee beside it uses the same rule without zod.
// Parts of the later steps, fetched when they show: the OTP field's while the agent confirms the
// amount (before Eko's OTP arrives), a decline's next step, the open transfers under "do not pay
// again" (shown at once).
const OtpForm = onDemand(() => import('./otp-form').then((m) => m.OtpForm), opening('otp.loading'));
const DeclineNextStep = onDemand(() => import('./decline').then((m) => m.DeclineNextStep), opening('transfer.declined.loading'));
const PendingItems = onDemand(() => import('./pending-list').then((m) => m.PendingItems));

const amountEntry = lazySchema(() => import('@/lib/schemas/transfer').then((m) => m.amountEntrySchema));

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
      {...amountEntry.preloadOnUse}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        void amountEntry.check({ amount: input.current?.value ?? '' }).then((checked) => {
          if (!checked.ok) return fail(checked.fields.amount ?? 'validation.amount');
          // No copy of the check (offline, no service worker copy yet): the same rule without zod.
          const value = checked.data?.amount ?? parseTransferRupees(input.current?.value ?? '');
          if (value === null) return fail('validation.amount');
          if (value > maxRupees) return fail(t('send.amount.overMax', { max: inr(maxRupees) }));
          setError(undefined);
          onNext(value);
        });
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

/** Sender, recipient and money, as the agent reads them out before the OTP is sent. */
function TransferSummary({
  senderName,
  mobile,
  recipient,
  amount,
  rule,
}: {
  senderName: string | null;
  mobile: string;
  recipient: Recipient;
  amount: number;
  rule: FeeRule;
}) {
  const { t } = useI18n();
  const rupees = useRupees();
  const fee = estimateFee(amount * 100, rule);
  return (
    <Facts
      testId="transfer-summary"
      rows={[
        [t('send.summary.sender'), `${senderName ?? t('sender.unnamed')} (${formatMobile(mobile)})`],
        [t('send.summary.recipient'), recipient.name, 'summary-recipient'],
        [t('send.summary.bank'), `${recipient.bank} · ${recipient.ifsc}`],
        [
          t('send.summary.account'),
          <span key="acc" className="tabular-nums">
            {recipient.accountMasked}
          </span>,
          'summary-account',
        ],
        [
          t('send.summary.amount'),
          <span key="amt" className="text-xl tabular-nums">
            {rupees(fee.amountPaise)}
          </span>,
          'summary-amount',
        ],
        [t('send.fee.estimate'), rupees(fee.feePaise)],
        [
          t('send.total'),
          <span key="tot" className="text-xl tabular-nums">
            {rupees(fee.totalPaise)}
          </span>,
        ],
      ]}
    />
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

  const requestOtp = (amount: number) => {
    setTransferError(null);
    sendOtp.mutate(
      { senderMobile: mobile, recipientId, amount },
      {
        onSuccess: (sent) => setStep({ kind: 'otp', amount, otp: { ...sent, receivedAt: Date.now() }, wrongOtp: false }),
        onError: (error) => {
          if (errorCode(error) === 'transfer_pending') void pending.refetch();
        },
      },
    );
  };

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
            sendOtp.reset();
            // The OTP field's code arrives while the sender reads the summary, before Eko's OTP.
            OtpForm.preload();
            setStep({ kind: 'confirm', amount });
          }}
        />
      )}

      {step.kind === 'confirm' && (
        <section aria-labelledby="confirm-title" className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4" data-testid="confirm-step">
          <h3 id="confirm-title" className="text-xl font-bold">
            {t('send.confirm.title')}
          </h3>
          <p>{t('send.confirm.readOut')}</p>
          <TransferSummary senderName={senderName} mobile={mobile} recipient={recipient} amount={step.amount} rule={rule} />
          {sendOtp.isError &&
            (errorCode(sendOtp.error) === 'transfer_limit_exhausted' ? (
              <Alert tone="error" testId="limit-exhausted">
                <p className="font-semibold">{t('send.otp.limitExhausted', { amount: inr(step.amount) })}</p>
                <p className="mt-1">{t('send.otp.limitExhausted.next')}</p>
              </Alert>
            ) : (
              <ApiErrorAlert error={sendOtp.error} onRetry={() => requestOtp(step.amount)} />
            ))}
          <div className="flex flex-wrap gap-3">
            <Button onClick={() => requestOtp(step.amount)} disabled={sendOtp.isPending}>
              {sendOtp.isPending ? t('send.otp.sending') : t('send.otp.send')}
            </Button>
            <Button variant="secondary" onClick={() => setStep({ kind: 'amount' })} disabled={sendOtp.isPending}>
              {t('send.changeAmount')}
            </Button>
          </div>
        </section>
      )}

      {step.kind === 'otp' && (
        <section aria-labelledby="otp-title" className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4" data-testid="otp-step">
          <h3 id="otp-title" className="text-xl font-bold">
            {t('send.otp.title', { amount: inr(step.amount), name: recipient.name })}
          </h3>
          <Alert tone="success">{t('send.otp.sent', { mobile: formatMobile(mobile) })}</Alert>
          {step.wrongOtp && (
            <Alert tone="error" testId="wrong-otp">
              {t('transfer.decline.wrong_otp')}
            </Alert>
          )}
          {transferError !== null && <TransferErrorAlert error={transferError} />}
          {sendOtp.isError && <ApiErrorAlert error={sendOtp.error} />}
          <OtpForm
            otp={step.otp}
            label={t('send.otp.label')}
            submitLabel={t('send.transfer', { amount: inr(step.amount) })}
            busyLabel={t('send.transferring')}
            busy={transfer.busy}
            resending={sendOtp.isPending}
            serverError={transferError instanceof ApiClientError ? transferError.fields.otp : undefined}
            onSubmit={(typed) => void doTransfer(step.amount, step.otp, typed)}
            onResend={() => requestOtp(step.amount)}
          />
          {transfer.busy && (
            <p className="font-semibold text-amber-950" role="status">
              {t('send.transferring.wait')}
            </p>
          )}
          <div>
            <Button variant="ghost" onClick={() => setStep({ kind: 'amount' })} disabled={transfer.busy}>
              {t('send.cancel')}
            </Button>
          </div>
        </section>
      )}

      {step.kind === 'declined' && (
        <section aria-labelledby="declined-title" className="flex flex-col gap-4" data-testid="declined">
          <h3 id="declined-title" className="sr-only">
            {t('transfer.state.declined')}
          </h3>
          <DeclineNextStep
            tx={step.tx}
            onNewOtp={() => {
              sendOtp.reset();
              setStep({ kind: 'confirm', amount: step.amount });
            }}
            onChangeAmount={() => setStep({ kind: 'amount' })}
          />
        </section>
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

/** A refusal of the transfer call itself (nothing was sent to the bank), with what to do next. */
function TransferErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  const code = errorCode(error);
  const about = error instanceof ApiClientError ? error.transactionId : null;
  const open = about && (
    <div className="mt-3">
      <LinkButton href={`/transactions/${about}`}>{t('transfer.pending.open')}</LinkButton>
    </div>
  );
  if (code === 'transfer_pending') return <DoNotPayAgain>{open}</DoNotPayAgain>;
  return (
    <ApiErrorAlert error={error}>
      {code === 'otp_already_used' && <p className="mt-1">{t('send.otpAlreadyUsed')}</p>}
      {open}
    </ApiErrorAlert>
  );
}
