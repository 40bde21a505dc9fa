'use client';

import { formatIndiaDateTime } from '@/lib/i18n/core';
import type { DeclineReason, TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useRupees } from '@/components/ui/rupees';
import { useLastSuccessfulTransfer } from './use-history';

/** The reasons a money transfer is refused for (the others are AePS ones, shown as Eko's own). */
const TRANSFER_REASONS = [
  'wrong_otp',
  'otp_consumed',
  'otp_expired',
  'otp_attempts_exhausted',
  'insufficient_balance',
  'limit_exhausted',
  'bank_unavailable',
] as const;
type TransferReason = (typeof TRANSFER_REASONS)[number] | 'other';
const transferReason = (reason: DeclineReason | null): TransferReason => TRANSFER_REASONS.find((r) => r === reason) ?? 'other';

/** Reasons after which the same OTP cannot be used again: a new OTP is the next step. */
const NEW_OTP: readonly TransferReason[] = ['otp_consumed', 'otp_expired', 'otp_attempts_exhausted'];

/** Eko's wallet figure for an insufficient balance: this answer's, or the last successful transfer's. */
function WalletBalance({ tx }: { tx: TransactionView }) {
  const { t, locale } = useI18n();
  const rupees = useRupees();
  const last = useLastSuccessfulTransfer(tx.walletBalancePaise === null);
  if (tx.walletBalancePaise !== null) return <p className="mt-1">{t('transfer.wallet.balance', { balance: rupees(tx.walletBalancePaise) })}</p>;
  if (last.isPending) return <Spinner label={t('transfer.wallet.loading')} />;
  const balance = last.data?.walletBalancePaise;
  if (last.data && balance !== null && balance !== undefined) {
    return (
      <p className="mt-1" data-testid="wallet-balance">
        {t('transfer.wallet.lastKnown', { balance: rupees(balance), at: formatIndiaDateTime(last.data.finalAt ?? last.data.createdAt, locale) })}
      </p>
    );
  }
  return <p className="mt-1">{t('transfer.wallet.unknown')}</p>;
}

/**
 * Why a transfer was refused, in plain words, and what to do next. No money moved: declined
 * transfers (and failed ones) never reached the recipient.
 */
export function DeclineNextStep({ tx, onNewOtp, onChangeAmount }: { tx: TransactionView; onNewOtp?: () => void; onChangeAmount?: () => void }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const reason = transferReason(tx.declineReason);
  const newOtp = NEW_OTP.includes(reason) || reason === 'wrong_otp';
  return (
    <Alert tone="error" testId="decline" className="flex flex-col gap-2">
      <p className="text-lg font-bold" data-testid="decline-reason" data-reason={reason}>
        {tx.state === 'failed'
          ? t('transfer.failed.title', { amount: rupees(tx.amountPaise) })
          : t('transfer.declined.title', { amount: rupees(tx.amountPaise) })}
      </p>
      <p>{t(`transfer.decline.${reason}`)}</p>
      {reason === 'insufficient_balance' && <WalletBalance tx={tx} />}
      {tx.ekoReason && <p className="text-sm">{t('transfer.ekoSaid', { reason: tx.ekoReason })}</p>}
      <p className="font-semibold">{t('transfer.noMoneyMoved')}</p>
      <div className="mt-1 flex flex-wrap gap-3">
        {onNewOtp && (
          <Button onClick={onNewOtp}>
            {newOtp ? t('transfer.next.newOtp') : reason === 'insufficient_balance' ? t('transfer.next.afterTopUp') : t('transfer.next.tryAgain')}
          </Button>
        )}
        {onChangeAmount && (reason === 'limit_exhausted' || reason === 'insufficient_balance') && (
          <Button variant="secondary" onClick={onChangeAmount}>
            {t('send.changeAmount')}
          </Button>
        )}
      </div>
    </Alert>
  );
}
