'use client';

import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { Sender } from '@/lib/senders/types';
import type { RecipientList } from '@/lib/transfers/types';
import { transferKeys } from './transfer-keys';

// What the screens read about a sender and their recipients. The open transfers are read in
// use-pending.ts, the history in use-history.ts, a transaction in transaction-status.tsx and an
// IFSC in add-recipient-form.tsx, their only screens; what the screens send is in
// use-transfer-calls.ts (Send OTP, Transfer) and use-transfer-actions.ts (recipients, refunds,
// Check status again): a page carries the code of what it does, not of every screen (issue 16,
// part 2). The cache's keys are in transfer-keys.ts.

export function useSender(mobile: string) {
  return useQuery({ queryKey: transferKeys.sender(mobile), queryFn: async () => (await apiRequest<{ sender: Sender }>(`/api/senders/${mobile}`)).sender });
}

/** A sender's recipients (with what they may send before their PAN is with Eko). */
export const recipientsQuery = (mobile: string) =>
  queryOptions({ queryKey: transferKeys.recipients(mobile), queryFn: () => apiRequest<RecipientList>(`/api/senders/${mobile}/recipients`) });

/**
 * How long the sender card's list, asked for while the card's code loaded (sender-money.tsx),
 * counts as fresh when the section mounts a moment later: without it (the client's staleTime is
 * 0) the section would ask Eko again at once. Everywhere else the list is read on mount.
 */
export const RECIPIENTS_PREFETCHED_FOR = 5_000;

/** `freshFor`: RECIPIENTS_PREFETCHED_FOR where the list was just prefetched, 0 elsewhere. */
export function useRecipients(mobile: string, freshFor = 0) {
  return useQuery({ ...recipientsQuery(mobile), staleTime: freshFor });
}
