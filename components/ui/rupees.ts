'use client';

import { paiseToRupees } from '@/lib/i18n/core';
import { useI18n } from '@/components/i18n/i18n-provider';

/** Money as the agent reads it, from paise. */
export function useRupees() {
  const { inr } = useI18n();
  return (paise: number) => inr(paiseToRupees(paise));
}
