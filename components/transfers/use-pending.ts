'use client';

import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { PENDING_REFRESH_MS, type TransactionView } from '@/lib/transfers/types';
import { transferKeys } from './transfer-keys';

/** The agent's transfers whose outcome is not known yet (one sender's, or all): from the server, never from browser storage. */
export function usePendingTransfers(senderMobile: string | null) {
  return useQuery({
    queryKey: transferKeys.pending(senderMobile),
    queryFn: async () =>
      (await apiRequest<{ pending: TransactionView[] }>(`/api/transfers/pending${senderMobile ? `?senderMobile=${senderMobile}` : ''}`)).pending,
    refetchInterval: (query) => ((query.state.data?.length ?? 0) > 0 ? PENDING_REFRESH_MS : false),
  });
}
