import type { Metadata } from 'next';
import { AepsDesk } from '@/components/aeps/aeps-desk';
import { PageHeader } from '@/components/layout/page-header';
import { titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('aeps.title');

export default function AepsPage() {
  return (
    <>
      <PageHeader title="aeps.title" intro="aeps.intro" />
      <AepsDesk />
    </>
  );
}
