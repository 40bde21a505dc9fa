'use client';

import type { MessageKey } from '@/lib/i18n/core';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Button } from './button';

/** A Fallback for onDemand (on-demand.tsx): the button it will show, not usable yet. */
export const waitingButton = (label: MessageKey, className?: string) =>
  function WaitingButton() {
    const { t } = useI18n();
    return (
      <div className={className}>
        <Button variant="secondary" disabled>
          {t(label)}
        </Button>
      </div>
    );
  };
