import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { requirePageUser, returnToFrom } from '@/lib/auth/current-user';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageUser('admin', returnToFrom(await headers(), '/admin'));
  return children;
}
