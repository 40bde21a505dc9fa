'use client';

import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';

// Never a blank screen: any render error in a page lands here with a way back.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <Alert tone="error">
      <p>{t('errors.internal')}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {t('senders.retry')}
      </Button>
    </Alert>
  );
}
