'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { Sender } from '@/lib/senders/types';
import { type IfscDetails, isPending, PENDING_REFRESH_MS, type RecipientList, type TransactionView } from '@/lib/transfers/types';
import { transferKeys } from './transfer-keys';

// What the screens read about a sender and a transaction. The open transfers are read in
// use-pending.ts, the history in use-history.ts, and what the screens send (transfers, refunds,
// recipients, OTPs) in use-transfer-actions.ts: a page carries the code of what it does, not of
// every screen (issue 16, part 2). The cache's keys are in transfer-keys.ts.

export function useSender(mobile: string) {
  return useQuery({ queryKey: transferKeys.sender(mobile), queryFn: async () => (await apiRequest<{ sender: Sender }>(`/api/senders/${mobile}`)).sender });
}

/**
 * A sender's recipients. The sender card asks for them while their code loads (sender-money.tsx);
 * a list read in the last few seconds is not asked for again when the section then mounts (the
 * client's staleTime is 0), and adding a recipient reads it again whatever its age.
 */
export const recipientsQuery = (mobile: string) =>
  queryOptions({
    queryKey: transferKeys.recipients(mobile),
    queryFn: () => apiRequest<RecipientList>(`/api/senders/${mobile}/recipients`),
    staleTime: 5_000,
  });

export function useRecipients(mobile: string) {
  return useQuery(recipientsQuery(mobile));
}

/** Bank and branch of a complete, well-formed IFSC (the caller debounces); a branch never changes, so it is kept. */
export function useIfscLookup(ifsc: string | null) {
  return useQuery({
    queryKey: transferKeys.ifsc(ifsc ?? ''),
    queryFn: () => apiRequest<IfscDetails>(`/api/banks/ifsc/${ifsc}`),
    enabled: ifsc !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}

/** One transaction, asked again every few seconds while it is pending. */
export function useTransaction(id: string, initial?: TransactionView) {
  return useQuery({
    queryKey: transferKeys.transaction(id),
    queryFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}`)).transaction,
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isPending(query.state.data) ? PENDING_REFRESH_MS : false),
  });
}
