'use client';

import { useState } from 'react';
import { ApiClientError } from '@/lib/api/client';
import { formatMobile } from '@/lib/i18n/core';
import type { TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { OtpForm, type OtpSentHere } from './otp-form';
import { useRupees } from '@/components/ui/rupees';
import { errorCode } from './error-code';
import { useRefund, useRefundOtp } from './use-transfer-actions';

/** OTP errors the agent fixes by typing again (wrong) or by asking for a new OTP (expired). */
const OTP_WRONG = new Set(['otp_wrong', 'refund_otp_wrong']);

/**
 * The refund of a transfer that failed at the bank (refund pending): Eko texts the sender an OTP,
 * the sender reads it out, and the money (amount and fee) goes back to the agent's Eko wallet, to
 * be handed back to the customer. The refund gets its own receipt.
 */
export function RefundFlow({ tx }: { tx: TransactionView }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const refundOtp = useRefundOtp(tx.id);
  const refund = useRefund(tx.id);
  const [otp, setOtp] = useState<OtpSentHere | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<TransactionView | null>(null);

  const askOtp = () => {
    setError(null);
    refundOtp.mutate(undefined, { onSuccess: (sent) => setOtp({ ...sent, receivedAt: Date.now() }) });
  };

  const submit = async (typed: string) => {
    if (!otp) return;
    setError(null);
    try {
      const row = await refund.run({ otp: typed, otpRefId: otp.otpRefId });
      if (row) setDone(row);
    } catch (e) {
      setError(e);
      if (errorCode(e) === 'otp_expired') setOtp(null);
    }
  };

  if (done && done.state !== 'success') {
    // Sent, but its outcome is not known (a timeout, an unreadable answer): the server's inquiry
    // settles it. Until then no cash goes back to the customer.
    return (
      <Alert tone="warning" testId="refund-checking">
        <p className="text-lg font-bold">{t('refund.checking')}</p>
        <p className="mt-1">{t('refund.checking.detail')}</p>
        <div className="mt-3">
          <LinkButton href={`/transactions/${done.id}`}>{t('refund.checking.open')}</LinkButton>
        </div>
      </Alert>
    );
  }

  if (done) {
    return (
      <Alert tone="success" testId="refund-done">
        <p className="font-semibold">{t('refund.done')}</p>
        {/* Eko's refunded amount (amount and fee) arrives with the transfer read again. */}
        {tx.refund?.id === done.id && tx.refund.refundedPaise !== null && (
          <p className="mt-1">{t('refund.done.amount', { amount: rupees(tx.refund.refundedPaise) })}</p>
        )}
        <p className="mt-1">{t('refund.done.next')}</p>
        <div className="mt-3">
          <LinkButton href={`/receipts/${done.id}`} variant="primary">
            {t('refund.receipt')}
          </LinkButton>
        </div>
      </Alert>
    );
  }

  const wrong = OTP_WRONG.has(errorCode(error));
  return (
    <section aria-labelledby={`refund-${tx.id}`} className="flex flex-col gap-3 rounded-xl border-2 border-amber-600 bg-white p-4" data-testid="refund-flow">
      <h3 id={`refund-${tx.id}`} className="text-lg font-bold">
        {t('refund.title', { amount: rupees(tx.amountPaise) })}
      </h3>
      <p>{t('refund.intro')}</p>
      {error !== null && !wrong && (
        <ApiErrorAlert error={error}>{errorCode(error) === 'otp_expired' && <p className="mt-1">{t('refund.otpExpired')}</p>}</ApiErrorAlert>
      )}
      {refundOtp.isError && <ApiErrorAlert error={refundOtp.error} onRetry={askOtp} />}
      {otp ? (
        <>
          <Alert tone="success">{t('refund.otp.sent', { mobile: formatMobile(tx.senderMobile) })}</Alert>
          <OtpForm
            otp={otp}
            label={t('refund.otp.label')}
            submitLabel={t('refund.submit')}
            busyLabel={t('refund.submitting')}
            busy={refund.busy}
            resending={refundOtp.isPending}
            serverError={wrong ? (error instanceof ApiClientError ? (error.fields.otp ?? error.message) : undefined) : undefined}
            onSubmit={(typed) => void submit(typed)}
            onResend={askOtp}
          />
        </>
      ) : (
        <div>
          <Button onClick={askOtp} disabled={refundOtp.isPending}>
            {refundOtp.isPending ? t('refund.otp.sending') : t('refund.otp.send')}
          </Button>
        </div>
      )}
    </section>
  );
}
