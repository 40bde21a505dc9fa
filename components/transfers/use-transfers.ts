'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { TransferHistoryFilters } from '@/lib/schemas/transfer';
import type { Sender } from '@/lib/senders/types';
import { type IfscDetails, isPending, type RecipientList, type TransactionView } from '@/lib/transfers/types';

/** While a transfer is pending its screens ask again this often; the server's reconciler does the asking of Eko. */
export const PENDING_REFRESH_MS = 10_000;

// What the screens read. The history's reads are in use-history.ts, and what the screens send
// (transfers, refunds, recipients, OTPs) in use-transfer-actions.ts: a page carries the code of
// what it does, not of every screen (issue 16, part 2).

export const transferKeys = {
  sender: (mobile: string) => ['sender', mobile] as const,
  recipients: (mobile: string) => ['recipients', mobile] as const,
  ifsc: (ifsc: string) => ['ifsc', ifsc] as const,
  pending: (senderMobile: string | null) => ['transfers', 'pending', senderMobile ?? '*'] as const,
  transaction: (id: string) => ['transfers', 'tx', id] as const,
  history: (filters: TransferHistoryFilters) => ['transfers', 'history', filters] as const,
  lastSuccess: ['transfers', 'last-success'] as const,
};

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

/** The agent's transfers whose outcome is not known yet (one sender's, or all): from the server, never from browser storage. */
export function usePendingTransfers(senderMobile: string | null) {
  return useQuery({
    queryKey: transferKeys.pending(senderMobile),
    queryFn: async () =>
      (await apiRequest<{ pending: TransactionView[] }>(`/api/transfers/pending${senderMobile ? `?senderMobile=${senderMobile}` : ''}`)).pending,
    refetchInterval: (query) => ((query.state.data?.length ?? 0) > 0 ? PENDING_REFRESH_MS : false),
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
