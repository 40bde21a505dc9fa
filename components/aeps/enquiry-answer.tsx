'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { LinkButton } from '@/components/ui/link-button';
import { useRupees } from '@/components/ui/rupees';
import { useI18n } from '@/components/i18n/i18n-provider';
import { AepsDecline } from './aeps-outcome';
import { AepsReceipt } from './aeps-receipt';
import type { AepsAnswer } from './use-aeps-submit';

/** The answer to a balance enquiry or mini statement: the figures, shown once, and the customer's copy. */
export function EnquiryAnswer({
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
