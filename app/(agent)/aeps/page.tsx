import type { Metadata } from 'next';
import { AepsDesk } from '@/components/aeps/aeps-desk';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

export const metadata: Metadata = { title: translate(DEFAULT_LOCALE, 'aeps.title') };

export default function AepsPage() {
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{translate(DEFAULT_LOCALE, 'aeps.title')}</h1>
      <p className="mb-6 mt-1 text-slate-700">{translate(DEFAULT_LOCALE, 'aeps.intro')}</p>
      <AepsDesk />
    </>
  );
}
