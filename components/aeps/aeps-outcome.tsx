'use client';

import { type AepsFlow, dailyAuthPath } from '@/lib/aeps/types';
import { maskedAadhaarOf } from '@/lib/aadhaar/mask';
import { formatMobile } from '@/lib/i18n/core';
import type { DeclineReason, TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { Facts } from '@/components/ui/facts';
import { IndiaTime, StateBadge } from '@/components/ui/money';
import { useRupees } from '@/components/ui/rupees';
import { onDemand } from '@/components/ui/on-demand';
import { waitingButton } from '@/components/ui/waiting-button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { isPending } from '@/lib/transfers/types';
import { DoNotPayOut } from './do-not-pay-out';
import { useAepsTransaction } from './use-aeps-transaction';

// "Check again" is for a withdrawal still pending, and carries react-query's mutation code, which
// the status page needs for nothing else: it comes when one is shown.
const CheckAgain = onDemand(() => import('./aeps-check-again').then((m) => m.AepsCheckAgain), waitingButton('transfer.checkAgain', 'mt-3'));

/** The reasons with a next step of their own; any other is shown in Eko's words with the general one. */
const AEPS_REASONS = [
  'biometric_mismatch',
  'invalid_biometric',
  'aadhaar_not_linked',
  'insufficient_funds',
  'bank_unavailable',
  'two_fa_required',
  'no_answer',
] as const;
type AepsReason = (typeof AEPS_REASONS)[number] | 'other';
const aepsReason = (reason: DeclineReason | null): AepsReason => AEPS_REASONS.find((r) => r === reason) ?? 'other';

const FLOW_OF_KIND: Record<string, AepsFlow> = { aeps_withdrawal: 'withdrawal', aeps_balance: 'balance', aeps_statement: 'statement' };
export const flowOf = (tx: Pick<TransactionView, 'kind'>): AepsFlow => FLOW_OF_KIND[tx.kind] ?? 'withdrawal';

/** The customer's bank refused (or Eko did): Eko's reason word for word, and what to do next. */
export function AepsDecline({ tx, onTryAgain }: { tx: TransactionView; onTryAgain?: () => void }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const reason = aepsReason(tx.declineReason);
  const flow = flowOf(tx);
  const isWithdrawal = flow === 'withdrawal';
  return (
    <Alert tone="error" testId="aeps-decline" className="flex flex-col gap-2">
      <p className="text-lg font-bold" data-testid="aeps-decline-reason" data-reason={reason}>
        {isWithdrawal ? t('aeps.declined.withdrawal', { amount: rupees(tx.amountPaise) }) : t(`aeps.declined.${flow}`)}
      </p>
      {tx.ekoReason && (
        <p data-testid="aeps-eko-reason">
          {t('aeps.ekoSaid')} “{tx.ekoReason}”
        </p>
      )}
      <p>{t(`aeps.decline.${reason}`)}</p>
      {isWithdrawal && (
        <>
          <p className="font-semibold">{t('aeps.noCashOut')}</p>
          <p>{t('aeps.reversal')}</p>
        </>
      )}
      <div className="mt-1 flex flex-wrap gap-3">
        {reason === 'two_fa_required' ? (
          <LinkButton href={dailyAuthPath(flow, { again: true })} variant="primary">
            {t('aeps.toDailyAuth')}
          </LinkButton>
        ) : onTryAgain ? (
          <Button onClick={onTryAgain}>{t(isWithdrawal ? 'aeps.newWithdrawal' : 'aeps.tryAgain')}</Button>
        ) : (
          <LinkButton href={`/aeps/${flow}`} variant="primary">
            {t(isWithdrawal ? 'aeps.newWithdrawal' : 'aeps.tryAgain')}
          </LinkButton>
        )}
      </div>
    </Alert>
  );
}

/** Where an AePS transaction stands (/transactions/[id]), live while a withdrawal is pending. */
export function AepsTransactionStatus({ initial }: { initial: TransactionView }) {
  const { t } = useI18n();
  const rupees = useRupees();
  const query = useAepsTransaction(initial);
  const tx = query.data ?? initial;
  const isWithdrawal = tx.kind === 'aeps_withdrawal';
  const balanceAfter = tx.aepsCustomer?.balanceAfterPaise ?? null;

  return (
    <div className="flex flex-col gap-5" data-testid="aeps-status" data-state={tx.state}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-xl font-semibold">{t(`aeps.kind.${flowOf(tx)}`)}</p>
        {isWithdrawal && <p className="text-3xl font-bold tabular-nums">{rupees(tx.amountPaise)}</p>}
        <StateBadge state={tx.state} />
      </div>

      {isPending(tx) && (
        <DoNotPayOut>
          <p className="mt-2">{t('aeps.pending.autoCheck')}</p>
          {/* While it is being sent there is nothing to ask Eko yet (the server waits too). */}
          {tx.state !== 'sending' && <CheckAgain id={tx.id} />}
        </DoNotPayOut>
      )}
      {tx.state === 'success' && isWithdrawal && (
        <Alert tone="success" testId="aeps-paid">
          <p className="text-lg font-bold">{t('aeps.payOut', { amount: rupees(tx.amountPaise) })}</p>
          <p className="mt-1">{t('aeps.payOut.detail')}</p>
          <div className="mt-3 flex flex-wrap gap-3">
            <LinkButton href={`/receipts/${tx.id}`} variant="primary">
              {t('aeps.openReceipt')}
            </LinkButton>
            <LinkButton href="/aeps/withdrawal">{t('aeps.newWithdrawal')}</LinkButton>
          </div>
        </Alert>
      )}
      {tx.state === 'success' && !isWithdrawal && <Alert tone="info">{t('aeps.enquiry.notKept')}</Alert>}
      {(tx.state === 'declined' || tx.state === 'failed') && <AepsDecline tx={tx} />}

      <section aria-labelledby="tx-details" className="rounded-xl border border-slate-300 bg-white p-4">
        <h2 id="tx-details" className="mb-3 text-xl font-bold">
          {t('transfer.details')}
        </h2>
        <Facts
          rows={[
            [t('receipt.number'), <code key="ref">{tx.clientRefId}</code>, 'tx-ref'],
            [t('receipt.time'), <IndiaTime key="time" iso={tx.createdAt} />],
            [t('aeps.receipt.customer'), formatMobile(tx.senderMobile)],
            [t('aeps.receipt.aadhaar'), maskedAadhaarOf(tx.aepsCustomer?.aadhaarLast4) ?? '—'],
            [t('receipt.bank'), tx.aepsCustomer?.bank || '—'],
            ...(isWithdrawal
              ? [[t('aeps.receipt.balanceAfter'), balanceAfter === null ? '—' : rupees(balanceAfter), 'tx-balance'] as [string, string, string]]
              : []),
            [t('receipt.ekoTid'), tx.ekoTid ?? '—', 'tx-tid'],
            [t('aeps.receipt.rrn'), tx.bankRef ?? '—', 'tx-rrn'],
            [t('transfer.lastUpdate'), <IndiaTime key="upd" iso={tx.updatedAt} />],
          ]}
        />
      </section>
      <div className="flex flex-wrap gap-3">
        <LinkButton href="/transactions">{t('transfer.toHistory')}</LinkButton>
        <LinkButton href="/aeps">{t('aeps.backToMenu')}</LinkButton>
      </div>
    </div>
  );
}
