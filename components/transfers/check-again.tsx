'use client';

import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { useCheckTransaction } from './use-transfer-actions';

/** "Check status again": the server asks Eko now, instead of at the reconciler's next turn. */
export function CheckAgainButton({ id, label }: { id: string; label?: string }) {
  const { t } = useI18n();
  const check = useCheckTransaction(id);
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" onClick={() => check.mutate()} disabled={check.isPending} data-testid="check-again">
          {check.isPending ? t('transfer.checking') : (label ?? t('transfer.checkAgain'))}
        </Button>
      </div>
      {check.isError && <ApiErrorAlert error={check.error} />}
    </div>
  );
}
