'use client';

import { type ReactNode, useEffect, useState } from 'react';
import { ApiClientError } from '@/lib/api/client';
import { Alert } from '@/components/ui/alert';
import { useI18n } from '@/components/i18n/i18n-provider';

/** The code of a failed call, as a plain string: the money codes are the lead's table's, compared by name. */
export const errorCode = (error: unknown): string => (error instanceof ApiClientError ? error.code : 'network');

/**
 * After these the browser does not know whether the server got the request, or the server does
 * not know whether Eko did: a transfer may be under way. The pending list, read again from the
 * server, says which.
 */
export const OUTCOME_UNKNOWN = new Set(['network', 'bad_response', 'internal', 'upstream_timeout', 'upstream_unavailable', 'upstream_bad_response']);

/** The clock, ticking every `everyMs` (ages, the OTP resend wait). */
export function useNow(everyMs = 1000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

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
