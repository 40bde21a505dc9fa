'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { OnboardSenderInput } from '@/lib/schemas/sender';
import type { OnboardingOutcome, Sender } from '@/lib/senders/types';

export const senderQueryKey = (mobile: string) => ['sender', mobile] as const;

export function useSenderLookup(mobile: string | null) {
  return useQuery({
    queryKey: senderQueryKey(mobile ?? ''),
    queryFn: async () => (await apiRequest<{ sender: Sender }>(`/api/senders/${mobile}`)).sender,
    enabled: mobile !== null,
  });
}

/** Enrolment is sent once per click; on success the card is looked up afresh. */
export function useOnboardSender(mobile: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: OnboardSenderInput) =>
      (await apiRequest<{ outcome: OnboardingOutcome }>(`/api/senders/${mobile}`, { method: 'POST', json: input })).outcome,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: senderQueryKey(mobile) }),
  });
}
