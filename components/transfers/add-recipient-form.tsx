'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { type FieldPath, useForm, useWatch } from 'react-hook-form';
import { ApiClientError, apiRequest } from '@/lib/api/client';
import { normaliseMobileInput } from '@/lib/schemas/mobile';
import { IFSC_PATTERN, type RecipientForm, type RecipientInput, recipientFormSchema } from '@/lib/schemas/transfer';
import type { AddRecipientOutcome, IfscDetails } from '@/lib/transfers/types';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import { errorCode } from './error-code';
import { transferKeys } from './transfer-keys';
import { useAddRecipient } from './use-transfer-actions';

/** Bank and branch of a complete, well-formed IFSC (the caller debounces); a branch never changes, so it is kept. */
export function useIfscLookup(ifsc: string | null) {
  return useQuery({
    queryKey: transferKeys.ifsc(ifsc ?? ''),
    queryFn: () => apiRequest<IfscDetails>(`/api/banks/ifsc/${ifsc}`),
    enabled: ifsc !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}

const SERVER_FIELDS = new Set(['name', 'mobile', 'ifsc', 'account']);
/** Eko's own field names, should a message arrive under one. */
const EKO_FIELDS: Record<string, FieldPath<RecipientForm>> = { recipient_name: 'name', recipient_mobile: 'mobile' };
const LOOKUP_DELAY_MS = 400;

/** The IFSC once it has stopped changing for a moment and is complete and well-formed; null before. */
function useSettledIfsc(value: string): string | null {
  const [settled, setSettled] = useState<string | null>(null);
  useEffect(() => {
    const candidate = IFSC_PATTERN.test(value) ? value : null;
    const timer = setTimeout(() => setSettled(candidate), candidate ? LOOKUP_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [value]);
  return settled;
}

function IfscLookup({ ifsc }: { ifsc: string | null }) {
  const { t } = useI18n();
  const lookup = useIfscLookup(ifsc);
  if (!ifsc) return <p className="min-h-6 text-sm text-slate-700">{t('recipient.ifsc.typeAll')}</p>;
  return (
    <div aria-live="polite" className="min-h-6 text-sm" data-testid="ifsc-lookup">
      {lookup.isPending && <Spinner label={t('recipient.ifsc.looking')} />}
      {lookup.data && (
        <p className="font-semibold text-green-900">
          {lookup.data.bank}
          {lookup.data.branch && <> · {t('recipient.ifsc.branch', { branch: lookup.data.branch })}</>}
        </p>
      )}
      {lookup.isError && (
        <p className="font-medium text-red-700">
          {errorCode(lookup.error) === 'ifsc_unknown' ? t('recipient.ifsc.unknown') : t('recipient.ifsc.lookupFailed')}
        </p>
      )}
    </div>
  );
}

export function AddRecipientForm({ mobile, onDone, onCancel }: { mobile: string; onDone: (outcome: AddRecipientOutcome) => void; onCancel?: () => void }) {
  const { t, tMaybe } = useI18n();
  const add = useAddRecipient(mobile);
  const { register, handleSubmit, formState, setError, setValue, control } = useForm<RecipientForm, unknown, RecipientInput & { confirmAccount: string }>({
    resolver: zodResolver(recipientFormSchema),
    defaultValues: { name: '', mobile: '', ifsc: '', account: '', confirmAccount: '' },
  });
  const errors = formState.errors;
  const ifsc = useSettledIfsc(useWatch({ control, name: 'ifsc' }) ?? '');

  const submit = handleSubmit(({ confirmAccount: _second, ...input }) => {
    add.mutate(input, {
      onSuccess: onDone,
      onError: (error) => {
        if (!(error instanceof ApiClientError)) return;
        for (const [field, message] of Object.entries(error.fields)) {
          const target = SERVER_FIELDS.has(field) ? (field as FieldPath<RecipientForm>) : EKO_FIELDS[field];
          if (target) setError(target, { message }, { shouldFocus: true });
        }
      },
    });
  });

  return (
    <form
      noValidate
      onSubmit={submit}
      className="flex flex-col gap-4"
      aria-labelledby="add-recipient-title"
      aria-busy={add.isPending}
      data-testid="add-recipient"
    >
      <h4 id="add-recipient-title" className="text-lg font-semibold">
        {t('recipient.add.title')}
      </h4>
      <div className="grid gap-4 md:grid-cols-2">
        <TextField
          {...register('name')}
          label={t('recipient.name')}
          hint={t('recipient.name.hint')}
          error={fieldError(tMaybe, errors.name?.message)}
          autoComplete="off"
          autoCapitalize="words"
        />
        <TextField
          {...register('mobile', {
            onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
              const cleaned = normaliseMobileInput(e.target.value);
              if (cleaned !== e.target.value) setValue('mobile', cleaned);
            },
          })}
          label={t('recipient.mobile')}
          hint={t('senders.search.hint')}
          error={fieldError(tMaybe, errors.mobile?.message)}
          type="tel"
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
        />
        <div className="flex flex-col gap-1">
          <TextField
            {...register('ifsc', {
              onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
                const cleaned = e.target.value.toUpperCase().replace(/[^A-Z0-9]/g, '');
                if (cleaned !== e.target.value) setValue('ifsc', cleaned);
              },
            })}
            label={t('recipient.ifsc')}
            hint={t('recipient.ifsc.hint')}
            error={fieldError(tMaybe, errors.ifsc?.message)}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={11}
            className="tracking-wider uppercase"
          />
          <IfscLookup ifsc={ifsc} />
        </div>
        <div className="hidden md:block" />
        <TextField
          {...register('account')}
          label={t('recipient.account')}
          hint={t('recipient.account.hint')}
          error={fieldError(tMaybe, errors.account?.message)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          className="tracking-wider tabular-nums"
        />
        <TextField
          {...register('confirmAccount')}
          label={t('recipient.account.confirm')}
          hint={t('recipient.account.confirm.hint')}
          error={fieldError(tMaybe, errors.confirmAccount?.message)}
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          className="tracking-wider tabular-nums"
        />
      </div>

      {add.isError && <ApiErrorAlert error={add.error} />}

      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? t('recipient.add.submitting') : t('recipient.add.submit')}
        </Button>
        {onCancel && (
          <Button variant="secondary" onClick={onCancel} disabled={add.isPending}>
            {t('recipient.add.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
