import type { Metadata } from 'next';
import { AgentsPage } from '@/components/admin/agents-page';
import { requirePageUser } from '@/lib/auth/current-user';
import { titleFor } from '@/lib/i18n/server';
import { agentListSchema } from '@/lib/schemas/admin';

export const generateMetadata = (): Promise<Metadata> => titleFor('admin.agents.title');

export default async function AdminAgentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser('admin', '/admin/agents');
  const parsed = agentListSchema.safeParse(await searchParams);
  return <AgentsPage query={parsed.success ? (parsed.data.q ?? '') : ''} />;
}
