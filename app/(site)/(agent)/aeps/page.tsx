import type { Metadata } from 'next';
import { AepsDesk } from '@/components/aeps/aeps-desk';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('aeps.title');

export default async function AepsPage() {
  const { t } = await serverI18n();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t('aeps.title')}</h1>
      <p className="mb-6 mt-1 text-slate-700">{t('aeps.intro')}</p>
      <AepsDesk />
    </>
  );
}
