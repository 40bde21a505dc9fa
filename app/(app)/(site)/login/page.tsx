import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { Alert } from '@/components/ui/alert';
import { trainingAccounts } from '@/lib/auth/training';
import { serverI18n, titleFor } from '@/lib/i18n/server';
import { safeReturnPath } from '@/lib/schemas/auth';

export const generateMetadata = (): Promise<Metadata> => titleFor('login.title');

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === 'string' ? params.next : null);
  const demo = trainingAccounts();
  const { t } = await serverI18n();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-4">
      <h1 className="text-3xl font-bold">{t('login.title')}</h1>
      <p className="text-slate-700">{t('login.intro')}</p>
      {params.signedOut === '1' && <Alert tone="success">{t('logout.done')}</Alert>}
      {params.reason === 'inactive' && <Alert tone="error">{t('login.inactive')}</Alert>}
      {params.reason !== 'inactive' && (next || params.reason === 'expired') && <Alert tone="info">{t('login.expired')}</Alert>}
      <LoginForm returnTo={next} demoAccounts={demo} />
    </div>
  );
}
