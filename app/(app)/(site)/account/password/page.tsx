import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/auth/change-password-form';
import { Alert } from '@/components/ui/alert';
import { QueryProvider } from '@/components/providers';
import { CHANGE_PASSWORD_PAGE, requirePageUser } from '@/lib/auth/current-user';
import { serverI18n, titleFor } from '@/lib/i18n/server';

export const generateMetadata = (): Promise<Metadata> => titleFor('password.title');

export default async function ChangePasswordPage() {
  const user = await requirePageUser('any', CHANGE_PASSWORD_PAGE);
  const { t } = await serverI18n();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-3xl font-bold">{t('password.title')}</h1>
      {user.mustChangePassword ? <Alert tone="info">{t('password.mustChange')}</Alert> : <p className="text-slate-700">{t('password.intro')}</p>}
      <QueryProvider>
        <ChangePasswordForm mustChange={user.mustChangePassword} username={user.mobile} />
      </QueryProvider>
    </div>
  );
}
