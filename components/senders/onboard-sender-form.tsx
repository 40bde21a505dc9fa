'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { type FieldPath, useForm } from 'react-hook-form';
import { ApiClientError } from '@/lib/api/client';
import { formatMobile } from '@/lib/i18n/core';
import { INDIAN_STATES, onboardSenderSchema, type OnboardSenderForm, todayInIndia } from '@/lib/schemas/sender';
import type { OnboardingOutcome } from '@/lib/senders/types';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';
import { useOnboardSender } from './use-onboard-sender';

const FORM_FIELDS = new Set(['name', 'dob', 'address.line', 'address.area', 'address.city', 'address.district', 'address.state', 'address.pincode']);

export function OnboardSenderForm({ mobile, onDone, onRecheck }: { mobile: string; onDone: (o: OnboardingOutcome) => void; onRecheck: () => void }) {
  const { t, tMaybe } = useI18n();
  const onboard = useOnboardSender(mobile);
  const { register, handleSubmit, formState, setError } = useForm<OnboardSenderForm>({
    resolver: zodResolver(onboardSenderSchema),
    defaultValues: { name: '', dob: '', address: { line: '', area: '', city: '', district: '', state: undefined, pincode: '' } },
  });
  const errors = formState.errors;

  const submit = handleSubmit((input) => {
    onboard.mutate(onboardSenderSchema.parse(input), {
      onSuccess: onDone,
      onError: (error) => {
        // Show the server's (or Eko's) field messages next to the fields they concern.
        if (error instanceof ApiClientError) {
          for (const [field, message] of Object.entries(error.fields)) {
            const target = FORM_FIELDS.has(field) ? field : field === 'address' ? 'address.line' : null;
            if (target) setError(target as FieldPath<OnboardSenderForm>, { message }, { shouldFocus: true });
          }
        }
      },
    });
  });

  const timedOut = onboard.error instanceof ApiClientError && (onboard.error.code === 'upstream_timeout' || onboard.error.code === 'network');

  return (
    <section aria-labelledby="onboard-title" className="rounded-xl border border-slate-300 bg-white p-4 shadow-sm sm:p-6">
      <h2 id="onboard-title" className="text-2xl font-bold">
        {t('onboard.title')} <span className="tabular-nums text-slate-700">({formatMobile(mobile)})</span>
      </h2>
      <p className="mt-1 text-slate-700">{t('onboard.intro')}</p>

      <form noValidate onSubmit={submit} className="mt-4 flex flex-col gap-4" aria-busy={onboard.isPending}>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField
            {...register('name')}
            label={t('onboard.name')}
            hint={t('onboard.name.hint')}
            error={fieldError(tMaybe, errors.name?.message)}
            autoComplete="off"
            autoCapitalize="words"
          />
          <TextField
            {...register('dob')}
            label={t('onboard.dob')}
            hint={t('onboard.dob.hint')}
            error={fieldError(tMaybe, errors.dob?.message)}
            type="date"
            max={todayInIndia()}
            min="1900-01-01"
          />
        </div>
        <fieldset className="grid gap-4 rounded-lg border border-slate-300 p-4 md:grid-cols-2">
          <legend className="px-1 text-base font-semibold">{t('onboard.address.legend')}</legend>
          <TextField
            {...register('address.line')}
            label={t('onboard.address.line')}
            error={fieldError(tMaybe, errors.address?.line?.message)}
            autoComplete="off"
          />
          <TextField
            {...register('address.area')}
            label={t('onboard.address.area')}
            error={fieldError(tMaybe, errors.address?.area?.message)}
            autoComplete="off"
          />
          <TextField
            {...register('address.city')}
            label={t('onboard.address.city')}
            error={fieldError(tMaybe, errors.address?.city?.message)}
            autoComplete="off"
          />
          <TextField
            {...register('address.district')}
            label={t('onboard.address.district')}
            error={fieldError(tMaybe, errors.address?.district?.message)}
            autoComplete="off"
          />
          <SelectField
            {...register('address.state')}
            label={t('onboard.address.state')}
            error={fieldError(tMaybe, errors.address?.state?.message)}
            defaultValue=""
          >
            <option value="" disabled>
              {t('onboard.address.state.placeholder')}
            </option>
            {INDIAN_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </SelectField>
          <TextField
            {...register('address.pincode')}
            label={t('onboard.address.pincode')}
            error={fieldError(tMaybe, errors.address?.pincode?.message)}
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
          />
        </fieldset>

        {onboard.isError && (
          <ApiErrorAlert error={onboard.error}>
            {timedOut && (
              <>
                <p className="mt-2">{t('onboard.timeoutAdvice')}</p>
                <Button variant="secondary" className="mt-3" onClick={onRecheck}>
                  {t('senders.refresh')}
                </Button>
              </>
            )}
          </ApiErrorAlert>
        )}

        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={onboard.isPending}>
            {onboard.isPending ? t('onboard.submitting') : t('onboard.submit')}
          </Button>
        </div>
      </form>
    </section>
  );
}
