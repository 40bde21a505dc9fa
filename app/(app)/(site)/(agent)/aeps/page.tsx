import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { AepsDesk } from '@/components/aeps/aeps-desk';
import { PageHeader } from '@/components/layout/page-header';
import { aepsStatusOf } from '@/lib/aeps/service';
import { AEPS_FLOWS, type AepsFlow } from '@/lib/aeps/types';
import { requirePageUser, returnToFrom } from '@/lib/auth/current-user';
import { titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('aeps.title');

/** `?next=/aeps/withdrawal` (or balance, statement): where to go back after today's authentication; anything else is ignored. */
function returnFlow(next: string | string[] | undefined): AepsFlow | null {
  const flow = typeof next === 'string' ? /^\/aeps\/([a-z]+)$/.exec(next)?.[1] : undefined;
  return AEPS_FLOWS.find((f) => f === flow) ?? null;
}

export default async function AepsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next, again } = await searchParams;
  // With its query (?next=…), so an agent signed out on the way is brought back to the transaction.
  const user = await requirePageUser('agent', returnToFrom(await headers(), '/aeps'));
  // The status as of this request, so the page's first paint is the desk, not a spinner.
  const { ekycCompletedOn, lastDailyAuthOn } = await aepsStatusOf(user.id);
  return (
    <>
      <PageHeader title="aeps.title" intro="aeps.intro" />
      <AepsDesk initial={{ ekycCompletedOn, lastDailyAuthOn }} next={returnFlow(next)} again={again === '1'} />
    </>
  );
}
