import type { Metadata } from 'next';
import { SignOut } from '@/components/auth/sign-out';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

export const metadata: Metadata = { title: translate(DEFAULT_LOCALE, 'logout.title') };

export default function LogoutPage() {
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-3xl font-bold">{translate(DEFAULT_LOCALE, 'logout.title')}</h1>
      <SignOut />
    </div>
  );
}
