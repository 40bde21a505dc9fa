'use client';

import { useI18n } from '@/components/i18n/i18n-provider';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Never a blank screen: a render error shows this, with a way to try again. */
export function ErrorPanel({ reset }: { reset: () => void }) {
  const { t } = useI18n();
  return (
    <Alert tone="error">
      <p>{t('errors.internal')}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
