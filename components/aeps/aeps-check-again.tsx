'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { TransactionView } from '@/lib/transfers/types';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { aepsTxKey } from './use-aeps-transaction';

/** "Check again": the server asks Eko (Transaction Inquiry) now, instead of at the reconciler's next turn. */
function useCheckAepsTransaction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}/check`, { method: 'POST', json: {} })).transaction,
    onSuccess: (tx) => queryClient.setQueryData(aepsTxKey(id), tx),
  });
}

export function AepsCheckAgain({ id }: { id: string }) {
  const { t } = useI18n();
  const check = useCheckAepsTransaction(id);
  return (
    <div className="mt-3 flex flex-col gap-2">
      <div>
        <Button variant="secondary" onClick={() => check.mutate()} disabled={check.isPending} data-testid="check-again">
          {check.isPending ? t('transfer.checking') : t('transfer.checkAgain')}
        </Button>
      </div>
      {check.isError && <ApiErrorAlert error={check.error} />}
    </div>
  );
}
