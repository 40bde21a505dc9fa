import type { Metadata } from 'next';
import { ActivityPage } from '@/components/admin/activity-page';
import { requirePageUser } from '@/lib/auth/current-user';
import { titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('admin.activity.title');

export default async function AdminActivityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', '/admin/activity');
  return <ActivityPage searchParams={await searchParams} />;
}
