'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { apiRequest } from '@/lib/api/client';
import { Button } from '@/components/ui/button';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';

export function LiftLockoutButton({ lockoutKey, label, who }: { lockoutKey: string; label: string; who: string }) {
  const router = useRouter();
  const lift = useMutation({
    mutationFn: () => apiRequest('/api/admin/lockouts/lift', { method: 'POST', json: { key: lockoutKey } }),
    onSuccess: () => router.refresh(),
  });
  return (
    <div className="flex flex-col gap-2">
      <Button variant="secondary" onClick={() => lift.mutate()} disabled={lift.isPending || lift.isSuccess} aria-label={`${label}: ${who}`}>
        {label}
      </Button>
      {lift.isError && <ApiErrorAlert error={lift.error} />}
    </div>
  );
}
