import type { Metadata } from 'next';
import { AdminOverview } from '@/components/admin/overview';
import { requirePageUser } from '@/lib/auth/current-user';
import { titleFor } from '@/lib/i18n/server';
import { metricsRangeSchema } from '@/lib/schemas/admin';

export const generateMetadata = (): Promise<Metadata> => titleFor('admin.overview.title');

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', '/admin');
  const parsed = metricsRangeSchema.safeParse(await searchParams);
  return <AdminOverview days={(parsed.success && parsed.data.days) || 14} />;
}
