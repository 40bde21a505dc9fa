import type { Metadata } from 'next';
import { AppLink } from '@/components/ui/app-link';
import { SignOut } from '@/components/auth/sign-out';
import { optionalPageUser } from '@/lib/auth/current-user';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('logout.title');

// Opening this page signs nobody out: it offers the buttons.
export default async function LogoutPage() {
  const [{ t }, user] = await Promise.all([serverI18n(), optionalPageUser()]);
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-3xl font-bold">{t('logout.title')}</h1>
      {user ? (
        <>
          <p>{t('logout.intro', { name: user.name })}</p>
          <SignOut labels={{ here: t('logout.here'), everywhere: t('logout.everywhere'), everywhereHint: t('logout.everywhereHint') }} />
        </>
      ) : (
        <div className="flex flex-col gap-3" role="status">
          <p>{t('logout.notSignedIn')}</p>
          <AppLink href="/login" className="font-semibold text-brand-700 underline">
            {t('logout.signInAgain')}
          </AppLink>
        </div>
      )}
    </div>
  );
}
