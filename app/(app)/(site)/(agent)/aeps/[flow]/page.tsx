import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AepsTransactionFlow } from '@/components/aeps/transaction-flow';
import { PageHeader } from '@/components/layout/page-header';
import { withdrawalRule } from '@/lib/aeps/transactions';
import { AEPS_FLOWS, type AepsFlow } from '@/lib/aeps/types';
import { isSandboxMode } from '@/lib/auth/training';
import { titleFor } from '@/lib/i18n/server';

const isFlow = (v: string): v is AepsFlow => (AEPS_FLOWS as readonly string[]).includes(v);

export const generateMetadata = async ({ params }: { params: Promise<{ flow: string }> }): Promise<Metadata> => {
  const { flow } = await params;
  return titleFor(isFlow(flow) ? `aeps.kind.${flow}` : 'aeps.title');
};

/** /aeps/balance, /aeps/statement, /aeps/withdrawal: a customer's AePS transaction at the counter. */
export default async function AepsFlowPage({ params }: { params: Promise<{ flow: string }> }) {
  const { flow } = await params;
  if (!isFlow(flow)) notFound();
  return (
    <>
      <PageHeader title={`aeps.kind.${flow}`} intro={`aeps.intro.${flow}`} />
      <AepsTransactionFlow flow={flow} rule={withdrawalRule()} training={isSandboxMode()} />
    </>
  );
}
