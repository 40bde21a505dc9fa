import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { requirePageUser, returnToFrom } from '@/lib/auth/current-user';
import { QueryProvider } from '@/components/providers';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageUser('admin', returnToFrom(await headers(), '/admin'));
  return <QueryProvider>{children}</QueryProvider>;
}
