import type { Metadata } from 'next';
import { SignOut } from '@/components/auth/sign-out';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('logout.title');

export default async function LogoutPage() {
  const { t } = await serverI18n();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-3xl font-bold">{t('logout.title')}</h1>
      <SignOut />
    </div>
  );
}
