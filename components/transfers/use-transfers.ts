'use client';

import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { todayInIndia } from '@/lib/dates';
import type { TransferHistoryFilters } from '@/lib/schemas/transfer';
import type { Sender } from '@/lib/senders/types';
import { filterQuery } from '@/lib/transfers/filter-query';
import { type IfscDetails, isPending, type RecipientList, type TransactionView } from '@/lib/transfers/types';

/** While a transfer is pending its screens ask again this often; the server's reconciler does the asking of Eko. */
export const PENDING_REFRESH_MS = 10_000;

// What the screens read. What they send (transfers, refunds, recipients, OTPs) is in
// use-transfer-actions.ts: the pages that only read (the senders page, the history) then carry no
// mutation code.

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
