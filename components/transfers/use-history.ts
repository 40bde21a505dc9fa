'use client';

import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { todayInIndia } from '@/lib/dates';
import type { TransferHistoryFilters } from '@/lib/schemas/transfer';
import { filterQuery } from '@/lib/transfers/filter-query';
import type { TransactionView } from '@/lib/transfers/types';
import { transferKeys } from './transfer-keys';

export interface HistoryPage {
  rows: TransactionView[];
  total: number;
  page: number;
  pages: number;
}

export const historyQuery = (filters: TransferHistoryFilters) => filterQuery(filters);

export function useHistory(filters: TransferHistoryFilters) {
  return useQuery({
    queryKey: transferKeys.history(filters),
    queryFn: () => apiRequest<HistoryPage>(`/api/transfers?${historyQuery(filters)}`),
    placeholderData: keepPreviousData,
  });
}

/**
 * The agent's newest successful transfer of the last 30 days: its wallet balance (as Eko reported
 * it) is the best figure there is when Eko declines for an insufficient balance.
 */
export function useLastSuccessfulTransfer(enabled: boolean) {
  return useQuery({
    queryKey: transferKeys.lastSuccess,
    queryFn: async () => {
      const now = Date.now();
      const filters = { from: todayInIndia(new Date(now - 30 * 86_400_000)), to: todayInIndia(new Date(now)), state: 'success' as const };
      return (await apiRequest<HistoryPage>(`/api/transfers?${historyQuery(filters)}`)).rows[0] ?? null;
    },
    enabled,
  });
}
