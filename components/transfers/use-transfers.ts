'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { apiRequest } from '@/lib/api/client';
import { todayInIndia } from '@/lib/dates';
import { type RecipientInput, type RefundInput, type TransferHistoryFilters, type TransferInput, type TransferOtpInput } from '@/lib/schemas/transfer';
import type { Sender } from '@/lib/senders/types';
import { filterQuery } from '@/lib/transfers/filter-query';
import { type AddRecipientOutcome, type IfscDetails, isPending, type RecipientList, type TransactionView, type TransferOtpSent } from '@/lib/transfers/types';

/** While a transfer is pending its screens ask again this often; the server's reconciler does the asking of Eko. */
export const PENDING_REFRESH_MS = 10_000;

const keys = {
  sender: (mobile: string) => ['sender', mobile] as const,
  recipients: (mobile: string) => ['recipients', mobile] as const,
  ifsc: (ifsc: string) => ['ifsc', ifsc] as const,
  pending: (senderMobile: string | null) => ['transfers', 'pending', senderMobile ?? '*'] as const,
  transaction: (id: string) => ['transfers', 'tx', id] as const,
  history: (filters: TransferHistoryFilters) => ['transfers', 'history', filters] as const,
  lastSuccess: ['transfers', 'last-success'] as const,
};

export function useSender(mobile: string) {
  return useQuery({ queryKey: keys.sender(mobile), queryFn: async () => (await apiRequest<{ sender: Sender }>(`/api/senders/${mobile}`)).sender });
}

export function useRecipients(mobile: string) {
  return useQuery({ queryKey: keys.recipients(mobile), queryFn: () => apiRequest<RecipientList>(`/api/senders/${mobile}/recipients`) });
}

/** Add Recipient is sent once per click; the list is read again afterwards (342 names no id). */
export function useAddRecipient(mobile: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: RecipientInput) =>
      (await apiRequest<{ outcome: AddRecipientOutcome }>(`/api/senders/${mobile}/recipients`, { method: 'POST', json: input })).outcome,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.recipients(mobile) }),
  });
}

/** Bank and branch of a complete, well-formed IFSC (the caller debounces); a branch never changes, so it is kept. */
export function useIfscLookup(ifsc: string | null) {
  return useQuery({
    queryKey: keys.ifsc(ifsc ?? ''),
    queryFn: () => apiRequest<IfscDetails>(`/api/banks/ifsc/${ifsc}`),
    enabled: ifsc !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
  });
}

/** The agent's transfers whose outcome is not known yet (one sender's, or all): from the server, never from browser storage. */
export function usePendingTransfers(senderMobile: string | null) {
  return useQuery({
    queryKey: keys.pending(senderMobile),
    queryFn: async () =>
      (await apiRequest<{ pending: TransactionView[] }>(`/api/transfers/pending${senderMobile ? `?senderMobile=${senderMobile}` : ''}`)).pending,
    refetchInterval: (query) => ((query.state.data?.length ?? 0) > 0 ? PENDING_REFRESH_MS : false),
  });
}

/** One transaction, asked again every few seconds while it is pending. */
export function useTransaction(id: string, initial?: TransactionView) {
  return useQuery({
    queryKey: keys.transaction(id),
    queryFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}`)).transaction,
    initialData: initial,
    refetchInterval: (query) => (query.state.data && isPending(query.state.data) ? PENDING_REFRESH_MS : false),
  });
}

/** A fresh answer for any screen that shows transfers: the pending lists, the history, the sender's limits. */
export function useTransferChanged() {
  const queryClient = useQueryClient();
  return (tx: TransactionView) => {
    queryClient.setQueryData(keys.transaction(tx.id), tx);
    void queryClient.invalidateQueries({ queryKey: ['transfers', 'pending'] });
    void queryClient.invalidateQueries({ queryKey: ['transfers', 'history'] });
    void queryClient.invalidateQueries({ queryKey: keys.sender(tx.senderMobile) });
  };
}

/** The agent's "Check status again": the server asks Eko (Transaction Inquiry) now. */
export function useCheckTransaction(id: string) {
  const changed = useTransferChanged();
  return useMutation({
    mutationFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}/check`, { method: 'POST', json: {} })).transaction,
    onSuccess: changed,
  });
}

export function useSendTransferOtp() {
  return useMutation({ mutationFn: (input: TransferOtpInput) => apiRequest<TransferOtpSent>('/api/transfers/otp', { method: 'POST', json: input }) });
}

/**
 * A call that carries an OTP. One at a time (a double click or a second Enter while the first is
 * with the bank sends nothing), and nothing of it is kept: no mutation cache holding its variables,
 * no state. `run` answers null when a call is already in flight.
 */
function useOtpCall<Input, Output>(call: (input: Input) => Promise<Output>, onDone: (output: Output) => void) {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async (input: Input): Promise<Output | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    try {
      const output = await call(input);
      onDone(output);
      return output;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { run, busy };
}

/** Initiate Transfer: the one call that moves money. */
export function useInitiateTransfer() {
  const changed = useTransferChanged();
  return useOtpCall(
    async (input: TransferInput) => (await apiRequest<{ transaction: TransactionView }>('/api/transfers', { method: 'POST', json: input })).transaction,
    changed,
  );
}

export function useRefundOtp(id: string) {
  return useMutation({ mutationFn: () => apiRequest<TransferOtpSent>(`/api/transfers/${id}/refund/otp`, { method: 'POST', json: {} }) });
}

/** The refund; its answer is the refund's own row. The transfer it refunds is read again. */
export function useRefund(id: string) {
  const queryClient = useQueryClient();
  const changed = useTransferChanged();
  return useOtpCall(
    async (input: RefundInput) =>
      (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}/refund`, { method: 'POST', json: input })).transaction,
    (refund) => {
      changed(refund);
      void queryClient.invalidateQueries({ queryKey: keys.transaction(id) });
    },
  );
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
    queryKey: keys.history(filters),
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
    queryKey: keys.lastSuccess,
    queryFn: async () => {
      const now = Date.now();
      const filters = { from: todayInIndia(new Date(now - 30 * 86_400_000)), to: todayInIndia(new Date(now)), state: 'success' as const };
      return (await apiRequest<HistoryPage>(`/api/transfers?${historyQuery(filters)}`)).rows[0] ?? null;
    },
    enabled,
  });
}
