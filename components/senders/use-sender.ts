'use client';

import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import type { Sender } from '@/lib/senders/types';

export const senderQueryKey = (mobile: string) => ['sender', mobile] as const;

export function useSenderLookup(mobile: string | null) {
  return useQuery({
    queryKey: senderQueryKey(mobile ?? ''),
    queryFn: async () => (await apiRequest<{ sender: Sender }>(`/api/senders/${mobile}`)).sender,
    enabled: mobile !== null,
  });
}
