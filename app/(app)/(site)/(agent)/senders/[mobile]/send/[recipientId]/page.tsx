import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/layout/page-header';
import { SendMoney } from '@/components/transfers/send-money';
import { titleFor } from '@/lib/i18n/server';
import { parseMobile } from '@/lib/schemas/mobile';
import { feeRule } from '@/lib/transfers/loaders';

export const generateMetadata = (): Promise<Metadata> => titleFor('send.title');

export default async function SendMoneyPage({ params }: { params: Promise<{ mobile: string; recipientId: string }> }) {
  const { mobile: rawMobile, recipientId } = await params;
  const mobile = parseMobile(rawMobile);
  if (!mobile || !/^\d{1,24}$/.test(recipientId)) notFound();
  return (
    <>
      <PageHeader title="send.title" intro="send.intro" />
      <SendMoney mobile={mobile} recipientId={recipientId} rule={await feeRule()} />
    </>
  );
}
