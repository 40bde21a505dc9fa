'use client';

import type { ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { useI18n } from '@/components/i18n/i18n-provider';

/** The one warning an agent must never miss while a withdrawal's outcome is open. */
export function DoNotPayOut({ children }: { children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Alert tone="warning" testId="do-not-pay-out">
      <p className="text-lg font-bold">{t('aeps.doNotPayOut')}</p>
      <p className="mt-1">{t('aeps.doNotPayOut.detail')}</p>
      <p className="mt-1">{t('aeps.reversal')}</p>
      {children}
    </Alert>
  );
}
