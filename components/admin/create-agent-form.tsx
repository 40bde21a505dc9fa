'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FieldPath, useForm } from 'react-hook-form';
import { ApiClientError, apiRequest } from '@/lib/api/client';
import { type CreateAgentInput, createAgentSchema } from '@/lib/schemas/admin';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';

export function CreateAgentForm() {
  const { t, tMaybe } = useI18n();
  const router = useRouter();
  const { register, handleSubmit, formState, setError, reset } = useForm<CreateAgentInput>({
    resolver: zodResolver(createAgentSchema),
    defaultValues: { name: '', mobile: '', ekoUserCode: '', password: '', shopName: '', shopAddress: '' },
  });
  const create = useMutation({
    mutationFn: (input: CreateAgentInput) => apiRequest<{ agent: { name: string; mobile: string } }>('/api/admin/agents', { method: 'POST', json: input }),
    onSuccess: () => {
      reset();
      router.refresh();
    },
    onError: (error) => {
      if (error instanceof ApiClientError) {
        for (const [field, message] of Object.entries(error.fields)) setError(field as FieldPath<CreateAgentInput>, { message });
      }
    },
  });
  const errors = formState.errors;

  return (
    <section aria-labelledby="create-agent" className="rounded-xl border border-slate-300 bg-white p-4">
      <h2 id="create-agent" className="text-xl font-bold">
        {t('admin.agents.create.title')}
      </h2>
      <form noValidate onSubmit={handleSubmit((input) => create.mutate(input))} className="mt-3 grid gap-4 md:grid-cols-2">
        <TextField {...register('name')} label={t('admin.agents.create.name')} error={fieldError(tMaybe, errors.name?.message)} autoComplete="off" />
        <TextField
          {...register('mobile')}
          label={t('admin.agents.create.mobile')}
          error={fieldError(tMaybe, errors.mobile?.message)}
          inputMode="numeric"
          maxLength={10}
          autoComplete="off"
        />
        <TextField
          {...register('ekoUserCode')}
          label={t('admin.agents.create.userCode')}
          error={fieldError(tMaybe, errors.ekoUserCode?.message)}
          inputMode="numeric"
          autoComplete="off"
        />
        <TextField
          {...register('password')}
          label={t('admin.agents.create.password')}
          hint={t('admin.agents.create.passwordHint')}
          error={fieldError(tMaybe, errors.password?.message)}
          type="password"
          autoComplete="new-password"
        />
        <TextField
          {...register('shopName')}
          label={t('admin.agents.create.shopName')}
          error={fieldError(tMaybe, errors.shopName?.message)}
          maxLength={80}
          autoComplete="off"
        />
        <TextField
          {...register('shopAddress')}
          label={t('admin.agents.create.shopAddress')}
          error={fieldError(tMaybe, errors.shopAddress?.message)}
          maxLength={200}
          autoComplete="off"
        />
        <div className="flex flex-col gap-3 md:col-span-2">
          {create.isError && <ApiErrorAlert error={create.error} />}
          {create.isSuccess && (
            <Alert tone="success">{t('admin.agents.create.done', { name: create.data.agent.name, mobile: create.data.agent.mobile })}</Alert>
          )}
          <div>
            <Button type="submit" disabled={create.isPending}>
              {t('admin.agents.create.submit')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}
