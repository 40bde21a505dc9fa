'use client';

import type { SenderLimits } from '@/lib/senders/types';
import { useI18n } from '@/components/i18n/i18n-provider';

export function LimitBar({ limits }: { limits: SenderLimits }) {
  const { t, inr } = useI18n();
  const usedPercent = limits.monthly > 0 ? Math.min(100, Math.round((limits.used / limits.monthly) * 100)) : 0;
  const label = t('sender.limits.bar', { used: inr(limits.used), monthly: inr(limits.monthly), available: inr(limits.available) });
  return (
    <div role="img" aria-label={label} className="flex h-4 w-full overflow-hidden rounded-full bg-green-200" data-testid="limit-bar">
      <div className="h-full bg-amber-600" style={{ width: `${usedPercent}%` }} />
    </div>
  );
}
