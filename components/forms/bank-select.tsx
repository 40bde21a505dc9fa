'use client';

import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { FALLBACK_BANKS } from '@/lib/banks/fallback';
import type { Bank } from '@/lib/transfers/types';
import { SelectField } from '@/components/ui/field';

/** Eko's bank list (the server caches it a day); the fixed list stands in while it loads or if it cannot. */
export function useBanks(): readonly Bank[] {
  const banks = useQuery({
    queryKey: ['banks'],
    queryFn: async () => (await apiRequest<{ banks: Bank[] }>('/api/banks')).banks,
    staleTime: 3600_000,
    retry: 1,
  });
  return banks.data ?? FALLBACK_BANKS;
}

/** A bank choice by Eko bank code, labelled by the caller (the agent's bank, the customer's). */
export function BankSelect({
  label,
  placeholder,
  value,
  error,
  onChange,
}: {
  label: string;
  placeholder: string;
  value: string;
  error?: string;
  onChange: (code: string) => void;
}) {
  const banks = useBanks();
  return (
    <SelectField label={label} value={value} error={error} onChange={(e) => onChange(e.target.value)}>
      <option value="" disabled>
        {placeholder}
      </option>
      {banks.map((b) => (
        <option key={b.code} value={b.code}>
          {b.name}
        </option>
      ))}
    </SelectField>
  );
}
