'use client';

import type { ReactNode } from 'react';
import { ApiClientError, OUTCOME_UNKNOWN } from '@/lib/api/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';

// Retrying helps with a slow or unreachable upstream (an unknown outcome), never with a refusal
// or a setup problem.

export function ApiErrorAlert({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  const apiError = error instanceof ApiClientError ? error : null;
  const code = apiError?.code ?? 'network';
  const message = code === 'network' ? t('errors.network') : code === 'bad_response' ? t('errors.bad_response') : (apiError?.message ?? t('errors.internal'));
  return (
    <Alert tone="error" testId="api-error">
      <p className="font-medium">{message}</p>
      {children}
      {onRetry && OUTCOME_UNKNOWN.has(code) && (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
