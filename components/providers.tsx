'use client';

import { environmentManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';

const newClient = () =>
  new QueryClient({
    defaultOptions: {
      // Money data must never be stale, and the server already retries idempotent reads once;
      // a failed query shows a "Try again" button instead of silent retries.
      // No refetch on focus: on Android the RD app takes focus at every capture, and a refetch
      // would call Eko again and could unmount a flow in the middle.
      queries: { staleTime: 0, gcTime: 60_000, retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });

// One client per browser tab, whichever section mounts it: an agent going from the send-money
// step to a receipt (outside this provider) and back finds the cache as it was. On the server,
// one per render, so no request sees another's data.
let browserClient: QueryClient | undefined;
const clientHere = () => (environmentManager.isServer() ? newClient() : (browserClient ??= newClient()));

/**
 * react-query for the pages that use it (the agent section, admin, the password page), not the
 * root layout: sign-in, sign-out, receipts and the offline page use none of it, and it is 8.3 KiB
 * gzip of a first load (12.2 with useQuery; issue 16, part 2).
 */
export function QueryProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={clientHere()}>{children}</QueryClientProvider>;
}
