'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { useI18n } from '@/components/i18n/i18n-provider';

/** The one warning an agent must never miss while a transfer's outcome is open. */
export function DoNotPayAgain({ children, testId = 'do-not-pay-again' }: { children?: ReactNode; testId?: string }) {
  const { t } = useI18n();
  return (
    <Alert tone="warning" testId={testId}>
      <p className="text-lg font-bold">{t('transfer.doNotPayAgain')}</p>
      <p className="mt-1">{t('transfer.doNotPayAgain.detail')}</p>
      {children}
    </Alert>
  );
}
