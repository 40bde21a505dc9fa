import type { ReactNode } from 'react';
import { headers } from 'next/headers';
import { requirePageUser, returnToFrom } from '@/lib/auth/current-user';
import { QueryProvider } from '@/components/providers';

export default async function AgentLayout({ children }: { children: ReactNode }) {
  await requirePageUser('agent', returnToFrom(await headers(), '/senders'));
  return <QueryProvider>{children}</QueryProvider>;
}
