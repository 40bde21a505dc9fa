'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { apiRequest } from '@/lib/api/client';
import { type AgentShopInput, agentShopSchema } from '@/lib/schemas/admin';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';

/** The shop an agent's receipts print, shown in the agents table and changed in place. */
export function AgentShopForm({ id, name, shopName, shopAddress }: { id: string; name: string; shopName: string | null; shopAddress: string | null }) {
  const { t, tMaybe } = useI18n();
  const router = useRouter();
  const { register, handleSubmit, formState } = useForm<AgentShopInput>({
    resolver: zodResolver(agentShopSchema),
    defaultValues: { shopName: shopName ?? '', shopAddress: shopAddress ?? '' },
  });
  const save = useMutation({
    mutationFn: (input: AgentShopInput) => apiRequest(`/api/admin/agents/${id}/shop`, { method: 'PUT', json: input }),
    onSuccess: () => router.refresh(),
  });
  return (
    <details className="min-w-48">
      <summary className="min-h-touch cursor-pointer py-2">
        {shopName ? (
          <span>
            <span className="font-semibold">{shopName}</span>
            {shopAddress && <span className="block text-sm text-slate-700">{shopAddress}</span>}
          </span>
        ) : (
          <span className="text-slate-700">{t('admin.agents.shop.none')}</span>
        )}
      </summary>
      <form
        noValidate
        onSubmit={handleSubmit((input) => save.mutate(input))}
        className="mt-2 flex flex-col gap-2"
        aria-label={`${t('admin.agents.shop.edit')}: ${name}`}
      >
        <TextField
          {...register('shopName')}
          label={t('admin.agents.create.shopName')}
          error={fieldError(tMaybe, formState.errors.shopName?.message)}
          maxLength={80}
        />
        <TextField
          {...register('shopAddress')}
          label={t('admin.agents.create.shopAddress')}
          error={fieldError(tMaybe, formState.errors.shopAddress?.message)}
          maxLength={200}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            {t('admin.agents.shop.save')}
          </Button>
        </div>
        {save.isError && <ApiErrorAlert error={save.error} />}
        {save.isSuccess && <Alert tone="success">{t('admin.agents.shop.saved', { name })}</Alert>}
      </form>
    </details>
  );
}
