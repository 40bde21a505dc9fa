'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { OnboardSenderInput } from '@/lib/schemas/sender';
import type { OnboardingOutcome } from '@/lib/senders/types';
import { senderQueryKey } from './use-sender';

// Apart from the lookup (use-sender.ts): the enrolment form loads only for a sender Eko does not
// know, and with it react-query's mutation code, which no other part of the senders page needs.

/** Enrolment is sent once per click; on success the card is looked up afresh. */
export function useOnboardSender(mobile: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: OnboardSenderInput) =>
      (await apiRequest<{ outcome: OnboardingOutcome }>(`/api/senders/${mobile}`, { method: 'POST', json: input })).outcome,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: senderQueryKey(mobile) }),
  });
}
