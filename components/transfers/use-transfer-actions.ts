'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { RecipientInput, RefundInput } from '@/lib/schemas/transfer';
import type { AddRecipientOutcome, TransactionView, TransferOtpSent } from '@/lib/transfers/types';
import { transferKeys } from './transfer-keys';
import { useOneAtATime } from '@/components/forms/use-one-at-a-time';
import { useTransferChanged } from './use-transfer-calls';

// The calls whose screens come later or on demand (adding a recipient, the refund and its OTP,
// Check status again). The send-money step's calls are in use-transfer-calls.ts, which carries no
// react-query mutation code.

/** Add Recipient is sent once per click; the list is read again afterwards (342 names no id). */
export function useAddRecipient(mobile: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: RecipientInput) =>
      (await apiRequest<{ outcome: AddRecipientOutcome }>(`/api/senders/${mobile}/recipients`, { method: 'POST', json: input })).outcome,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: transferKeys.recipients(mobile) }),
  });
}

/** The agent's "Check status again": the server asks Eko (Transaction Inquiry) now. */
export function useCheckTransaction(id: string) {
  const changed = useTransferChanged();
  return useMutation({
    mutationFn: async () => (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}/check`, { method: 'POST', json: {} })).transaction,
    onSuccess: changed,
  });
}

export function useRefundOtp(id: string) {
  return useMutation({ mutationFn: () => apiRequest<TransferOtpSent>(`/api/transfers/${id}/refund/otp`, { method: 'POST', json: {} }) });
}

/** The refund; its answer is the refund's own row. The transfer it refunds is read again. */
export function useRefund(id: string) {
  const queryClient = useQueryClient();
  const changed = useTransferChanged();
  return useOneAtATime(
    async (input: RefundInput) =>
      (await apiRequest<{ transaction: TransactionView }>(`/api/transfers/${id}/refund`, { method: 'POST', json: input })).transaction,
    (refund) => {
      changed(refund);
      void queryClient.invalidateQueries({ queryKey: transferKeys.transaction(id) });
    },
  );
}
