'use client';

import { useI18n } from '@/components/i18n/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { pageErrorMessage } from '@/lib/api/errors';

/**
 * Never a blank screen: a render error shows this, with a way to try again. The digest is all a
 * production build tells the browser of the error; for our own page errors (the database cannot
 * be reached) it names the code, so the page says what the API would.
 */
export function ErrorPanel({ reset, digest }: { reset: () => void; digest?: string }) {
  const { t } = useI18n();
  return (
    <Alert tone="error">
      <p data-testid="page-error">{t(pageErrorMessage(digest))}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
