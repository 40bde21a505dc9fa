'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { apiRequest } from '@/lib/api/client';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';

export function AgentActions({ id, name, active }: { id: string; name: string; active: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const toggle = useMutation({
    mutationFn: () => apiRequest(`/api/admin/agents/${id}`, { method: 'PATCH', json: { active: !active } }),
    onSuccess: () => router.refresh(),
  });
  const reset = useMutation({
    mutationFn: () => apiRequest<{ temporaryPassword: string; expiresAt: string }>(`/api/admin/agents/${id}/password`, { method: 'POST' }),
  });
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button
          variant="secondary"
          onClick={() => toggle.mutate()}
          disabled={toggle.isPending}
          aria-label={`${active ? t('admin.agents.deactivate') : t('admin.agents.activate')}: ${name}`}
        >
          {active ? t('admin.agents.deactivate') : t('admin.agents.activate')}
        </Button>
        <Button variant="secondary" onClick={() => reset.mutate()} disabled={reset.isPending} aria-label={`${t('admin.agents.resetPassword')}: ${name}`}>
          {t('admin.agents.resetPassword')}
        </Button>
      </div>
      {toggle.isError && <ApiErrorAlert error={toggle.error} />}
      {reset.isError && <ApiErrorAlert error={reset.error} />}
      {reset.isSuccess && (
        <Alert tone="success" testId="temporary-password">
          {t('admin.agents.tempPassword', { name, password: reset.data.temporaryPassword })}
        </Alert>
      )}
    </div>
  );
}
