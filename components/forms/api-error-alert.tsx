'use client';

import type { ReactNode } from 'react';
import { ApiClientError } from '@/lib/api/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';

// Retrying helps with a slow or unreachable upstream, never with a refusal or a setup problem.
const RETRYABLE = new Set(['network', 'bad_response', 'internal', 'upstream_timeout', 'upstream_unavailable', 'upstream_bad_response']);

export function ApiErrorAlert({ error, onRetry, children }: { error: unknown; onRetry?: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  const apiError = error instanceof ApiClientError ? error : null;
  const code = apiError?.code ?? 'network';
  const message = code === 'network' ? t('errors.network') : code === 'bad_response' ? t('errors.bad_response') : (apiError?.message ?? t('errors.internal'));
  return (
    <Alert tone="error" testId="api-error">
      <p className="font-medium">{message}</p>
      {children}
      {onRetry && RETRYABLE.has(code) && (
        <Button variant="secondary" className="mt-3" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
