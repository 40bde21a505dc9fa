'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { apiRequest } from '@/lib/api/client';
import type { TransferInput, TransferOtpInput } from '@/lib/schemas/transfer';
import type { TransactionView, TransferOtpSent } from '@/lib/transfers/types';
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
  };
}

/**
 * A call sent one at a time: a double click or a second Enter while the first is on its way sends
 * nothing (`run` answers null), so one tap is one OTP SMS, one transfer, one refund. Nothing of it
 * is kept (no mutation cache holding its variables, which for Transfer and Refund carry the OTP);
 * the caller keeps the answer or the error it needs.
 */
export function useOneAtATime<Input, Output>(call: (input: Input) => Promise<Output>, onDone: (output: Output) => void) {
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
