'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { apiRequest } from '@/lib/api/client';
import { type CloseTransactionInput, closeTransactionSchema } from '@/lib/schemas/transfer';
import type { TransactionView } from '@/lib/transfers/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';

/**
 * In the awaited queue, for a row unknown for over a day that Eko never recorded: the admin's
 * reason, then one more inquiry on the server, which closes it only if Eko still has no record.
 */
export function CloseTransactionForm({ id, reference }: { id: string; reference: string }) {
  const { t, tMaybe } = useI18n();
  const router = useRouter();
  const { register, handleSubmit, formState } = useForm<CloseTransactionInput>({
    resolver: zodResolver(closeTransactionSchema),
    defaultValues: { reason: '' },
  });
  const close = useMutation({
    mutationFn: (input: CloseTransactionInput) =>
      apiRequest<{ transaction: TransactionView }>(`/api/admin/transactions/${id}/close`, { method: 'POST', json: input }),
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="min-w-56" data-testid="close-not-at-eko">
      <summary className="min-h-touch cursor-pointer py-2 font-semibold text-brand-800">{t('admin.tx.close.open')}</summary>
      <form
        noValidate
        onSubmit={handleSubmit((input) => close.mutate(input))}
        className="mt-2 flex max-w-sm flex-col gap-2"
        aria-label={`${t('admin.tx.close.open')}: ${reference}`}
      >
        <p className="text-sm">{t('admin.tx.close.intro')}</p>
        <TextField {...register('reason')} label={t('admin.tx.close.reason')} error={fieldError(tMaybe, formState.errors.reason?.message)} maxLength={200} />
        <div>
          <Button type="submit" variant="secondary" disabled={close.isPending || close.isSuccess}>
            {close.isPending ? t('admin.tx.close.busy') : t('admin.tx.close.submit')}
          </Button>
        </div>
        {close.isError && <ApiErrorAlert error={close.error} />}
        {close.data && <Alert tone="success">{t('admin.tx.close.done', { state: t(`transfer.state.${close.data.transaction.state}`) })}</Alert>}
      </form>
    </details>
  );
}
