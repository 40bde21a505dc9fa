'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { type FieldPath, useForm } from 'react-hook-form';
import { ApiClientError, apiRequest } from '@/lib/api/client';
import { type ChangePasswordForm as FormValues, changePasswordFormSchema, NEW_PASSWORD_MIN } from '@/lib/schemas/auth';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { fieldError } from '@/components/forms/field-error';

/** The user's own new password. While a temporary one must be replaced, success goes home. */
export function ChangePasswordForm({ mustChange, username }: { mustChange: boolean; username: string }) {
  const { t, tMaybe } = useI18n();
  const { register, handleSubmit, formState, setError, reset } = useForm<FormValues>({
    resolver: zodResolver(changePasswordFormSchema),
    defaultValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
  });
  const change = useMutation({
    mutationFn: ({ currentPassword, newPassword }: FormValues) =>
      apiRequest<{ home: string }>('/api/auth/password', { method: 'POST', json: { currentPassword, newPassword } }),
    onSuccess: ({ home }) => {
      reset();
      // A full navigation: the header and every server part see the password as the user's own now.
      if (mustChange) window.location.assign(home);
    },
    onError: (error) => {
      if (error instanceof ApiClientError) for (const [field, message] of Object.entries(error.fields)) setError(field as FieldPath<FormValues>, { message });
    },
  });
  const errors = formState.errors;
  const fieldsAnswered = change.error instanceof ApiClientError && Object.keys(change.error.fields).length > 0;

  return (
    // method="post": submitted before the page's code has loaded, no password lands in the URL.
    <form method="post" noValidate onSubmit={handleSubmit((values) => change.mutate(values))} className="flex flex-col gap-4">
      {/* Lets password managers file the new password under the right account (not shown, not focusable). */}
      <input type="text" name="username" autoComplete="username" value={username} readOnly hidden />
      <TextField
        {...register('currentPassword')}
        label={t(mustChange ? 'password.current.temporary' : 'password.current')}
        error={fieldError(tMaybe, errors.currentPassword?.message)}
        type="password"
        autoComplete="current-password"
        autoFocus
      />
      <TextField
        {...register('newPassword')}
        label={t('password.new')}
        hint={t('password.new.hint', { min: NEW_PASSWORD_MIN })}
        error={fieldError(tMaybe, errors.newPassword?.message)}
        type="password"
        autoComplete="new-password"
      />
      <TextField
        {...register('confirmPassword')}
        label={t('password.confirm')}
        error={fieldError(tMaybe, errors.confirmPassword?.message)}
        type="password"
        autoComplete="new-password"
      />
      {change.isError && !fieldsAnswered && <ApiErrorAlert error={change.error} />}
      {change.isSuccess && !mustChange && (
        <Alert tone="success" testId="password-changed">
          {t('password.done')}
        </Alert>
      )}
      <div>
        <Button type="submit" disabled={change.isPending || (mustChange && change.isSuccess)}>
          {change.isPending ? t('password.saving') : t('password.submit')}
        </Button>
      </div>
    </form>
  );
}
