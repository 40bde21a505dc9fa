import type { Metadata } from 'next';
import { AdminOverview } from '@/components/admin/overview';
import { requirePageUser } from '@/lib/auth/current-user';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';
import { metricsRangeSchema } from '@/lib/schemas/admin';

export const metadata: Metadata = { title: translate(DEFAULT_LOCALE, 'admin.overview.title') };

export default async function AdminOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', '/admin');
  const parsed = metricsRangeSchema.safeParse(await searchParams);
  return <AdminOverview days={(parsed.success && parsed.data.days) || 14} />;
}
