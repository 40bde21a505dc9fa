'use client';

import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { isPending, PENDING_REFRESH_MS, type TransactionView } from '@/lib/transfers/types';

export const aepsTxKey = (id: string) => ['aeps', 'tx', id] as const;

/** One AePS transaction row (GET /api/transfers/[id]: the same table and rules as transfers), asked again while pending. */
export function useAepsTransaction(initial: TransactionView) {
  return useQuery({
    queryKey: aepsTxKey(initial.id),
    queryFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${initial.id}`)).transaction,
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isPending(query.state.data) ? PENDING_REFRESH_MS : false),
  });
}
