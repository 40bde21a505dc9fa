'use client';

import { useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { TransferInput, TransferOtpInput } from '@/lib/schemas/transfer';
import type { TransactionView, TransferOtpSent } from '@/lib/transfers/types';
import { useOneAtATime } from '@/components/forms/use-one-at-a-time';
import { transferKeys } from './transfer-keys';

// The send-money step's calls (Send OTP, Transfer), one at a time and never retried, without
// react-query's mutation code (the step's first load; issue 16). The refund, which comes later,
// is in use-transfer-actions.ts.

/** A fresh answer for any screen that shows transfers: the pending lists, the history, the sender's limits. */
export function useTransferChanged() {
  const queryClient = useQueryClient();
  return (tx: TransactionView) => {
    queryClient.setQueryData(transferKeys.transaction(tx.id), tx);
    void queryClient.invalidateQueries({ queryKey: ['transfers', 'pending'] });
    void queryClient.invalidateQueries({ queryKey: ['transfers', 'history'] });
    void queryClient.invalidateQueries({ queryKey: transferKeys.sender(tx.senderMobile) });
    // What the sender may still send before their PAN is with Eko comes with the recipients.
    void queryClient.invalidateQueries({ queryKey: transferKeys.recipients(tx.senderMobile) });
  };
}

/** Send OTP for a transfer: Eko texts the sender an OTP for this amount and recipient. */
export function useSendTransferOtp() {
  return useOneAtATime(
    (input: TransferOtpInput) => apiRequest<TransferOtpSent>('/api/transfers/otp', { method: 'POST', json: input }),
    () => undefined,
  );
}

/** Initiate Transfer: the one call that moves money. */
export function useInitiateTransfer() {
  const changed = useTransferChanged();
  return useOneAtATime(
    async (input: TransferInput) => (await apiRequest<{ transaction: TransactionView }>('/api/transfers', { method: 'POST', json: input })).transaction,
    changed,
  );
}
