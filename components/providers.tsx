'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { Locale, Messages } from '@/lib/i18n/core';
import { I18nProvider } from './i18n/i18n-provider';

export function Providers({ locale, messages, children }: { locale: Locale; messages: Messages; children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          // Money data must never be stale, and the server already retries idempotent reads once;
          // a failed query shows a "Try again" button instead of silent retries.
          // No refetch on focus: on Android the RD app takes focus at every capture, and a refetch
          // would call Eko again and could unmount a flow in the middle.
          queries: { staleTime: 0, gcTime: 60_000, retry: false, refetchOnWindowFocus: false },
          mutations: { retry: false },
        },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <I18nProvider locale={locale} messages={messages}>
        {children}
      </I18nProvider>
    </QueryClientProvider>
  );
}
