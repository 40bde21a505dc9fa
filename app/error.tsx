'use client';

import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/alert';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

// Never a blank screen: any render error in a page lands here with a way back.
export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <Alert tone="error">
      <p>{translate(DEFAULT_LOCALE, 'errors.internal')}</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        {translate(DEFAULT_LOCALE, 'senders.retry')}
      </Button>
    </Alert>
  );
}
