'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { apiRequest } from '@/lib/api/client';
import type { RecipientInput, RefundInput, TransferInput, TransferOtpInput } from '@/lib/schemas/transfer';
import type { AddRecipientOutcome, TransactionView, TransferOtpSent } from '@/lib/transfers/types';
import { transferKeys } from './use-transfers';

/** Add Recipient is sent once per click; the list is read again afterwards (342 names no id). */
export function useAddRecipient(mobile: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: RecipientInput) =>
      (await apiRequest<{ outcome: AddRecipientOutcome }>(`/api/senders/${mobile}/recipients`, { method: 'POST', json: input })).outcome,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferKeys.recipients(mobile) }),
  });
}

/** A fresh answer for any screen that shows transfers: the pending lists, the history, the sender's limits. */
export function useTransferChanged() {
  const queryClient = useQueryClient();
  return (tx: TransactionView) => {
    queryClient.setQueryData(transferKeys.transaction(tx.id), tx);
    void queryClient.invalidateQueries({ queryKey: ['transfers', 'pending'] });
    void queryClient.invalidateQueries({ queryKey: ['transfers', 'history'] });
    void queryClient.invalidateQueries({ queryKey: transferKeys.sender(tx.senderMobile) });
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
      void queryClient.invalidateQueries({ queryKey: transferKeys.transaction(id) });
    },
  );
}
