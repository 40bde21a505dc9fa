'use client';

import { ApiClientError } from '@/lib/api/client';
import { formatMobile } from '@/lib/i18n/core';
import { estimateFee, type FeeRule } from '@/lib/transfers/fees';
import type { Recipient } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Facts } from '@/components/ui/facts';
import { LinkButton } from '@/components/ui/link-button';
import { useRupees } from '@/components/ui/rupees';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { DeclineNextStep } from './decline';
import { DoNotPayAgain } from './do-not-pay-again';
import { OtpForm, type OtpSentHere } from './otp-form';
import { PendingItems } from './pending-list';
import { errorCode } from './error-code';

// With the steps, for the lists under send-money.tsx's "do not pay again": one chunk for all the
// step fetches later.
export { PendingItems };

// The send-money steps after the amount, fetched apart from the page (send-money.tsx holds the
// state and makes the calls): the summary the agent reads out, with the fee and the total the
// customer pays, before the OTP is asked for; then the OTP and Transfer; a decline's next step.

/** What the steps need of the Send OTP call's state. */
interface OtpCallState {
  isPending: boolean;
  isError: boolean;
  error: unknown;
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

export function ConfirmStep({
  senderName,
  mobile,
  recipient,
  amount,
  rule,
  sendOtp,
  onSendOtp,
  onChangeAmount,
}: {
  senderName: string | null;
  mobile: string;
  recipient: Recipient;
  amount: number;
  rule: FeeRule;
  sendOtp: OtpCallState;
  onSendOtp: () => void;
  onChangeAmount: () => void;
}) {
  const { t, inr } = useI18n();
  return (
    <section aria-labelledby="confirm-title" className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4" data-testid="confirm-step">
      <h3 id="confirm-title" className="text-xl font-bold">
        {t('send.confirm.title')}
      </h3>
      <p>{t('send.confirm.readOut')}</p>
      <TransferSummary senderName={senderName} mobile={mobile} recipient={recipient} amount={amount} rule={rule} />
      {sendOtp.isError &&
        (errorCode(sendOtp.error) === 'transfer_limit_exhausted' ? (
          <Alert tone="error" testId="limit-exhausted">
            <p className="font-semibold">{t('send.otp.limitExhausted', { amount: inr(amount) })}</p>
            <p className="mt-1">{t('send.otp.limitExhausted.next')}</p>
          </Alert>
        ) : (
          <ApiErrorAlert error={sendOtp.error} onRetry={() => onSendOtp()} />
        ))}
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => onSendOtp()} disabled={sendOtp.isPending}>
          {sendOtp.isPending ? t('send.otp.sending') : t('send.otp.send')}
        </Button>
        <Button variant="secondary" onClick={() => onChangeAmount()} disabled={sendOtp.isPending}>
          {t('send.changeAmount')}
        </Button>
      </div>
    </section>
  );
}

export function OtpStep({
  mobile,
  recipient,
  amount,
  otp,
  wrongOtp,
  transferError,
  sendOtp,
  busy,
  onSubmit,
  onResend,
  onCancel,
}: {
  mobile: string;
  recipient: Recipient;
  amount: number;
  otp: OtpSentHere;
  wrongOtp: boolean;
  transferError: unknown;
  sendOtp: OtpCallState;
  busy: boolean;
  onSubmit: (otp: string) => void;
  onResend: () => void;
  onCancel: () => void;
}) {
  const { t, inr } = useI18n();
  return (
    <section aria-labelledby="otp-title" className="flex flex-col gap-4 rounded-xl border-2 border-brand-600 bg-white p-4" data-testid="otp-step">
      <h3 id="otp-title" className="text-xl font-bold">
        {t('send.otp.title', { amount: inr(amount), name: recipient.name })}
      </h3>
      <Alert tone="success">{t('send.otp.sent', { mobile: formatMobile(mobile) })}</Alert>
      {wrongOtp && (
        <Alert tone="error" testId="wrong-otp">
          {t('transfer.decline.wrong_otp')}
        </Alert>
      )}
      {transferError !== null && <TransferErrorAlert error={transferError} />}
      {sendOtp.isError && <ApiErrorAlert error={sendOtp.error} />}
      <OtpForm
        otp={otp}
        label={t('send.otp.label')}
        submitLabel={t('send.transfer', { amount: inr(amount) })}
        busyLabel={t('send.transferring')}
        busy={busy}
        resending={sendOtp.isPending}
        serverError={transferError instanceof ApiClientError ? transferError.fields.otp : undefined}
        onSubmit={onSubmit}
        onResend={onResend}
      />
      {busy && (
        <p className="font-semibold text-amber-950" role="status">
          {t('send.transferring.wait')}
        </p>
      )}
      <div>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          {t('send.cancel')}
        </Button>
      </div>
    </section>
  );
}

/** No money moved: why, and what to do next (a new OTP, another amount). */
export function DeclinedStep(props: Parameters<typeof DeclineNextStep>[0]) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="declined-title" className="flex flex-col gap-4" data-testid="declined">
      <h3 id="declined-title" className="sr-only">
        {t('transfer.state.declined')}
      </h3>
      <DeclineNextStep {...props} />
    </section>
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
