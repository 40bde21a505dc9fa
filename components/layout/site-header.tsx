import { LogoutButton } from '@/components/auth/logout-button';
import { AppLink } from '@/components/ui/app-link';
import { homeFor, optionalPageUser } from '@/lib/auth/current-user';
import type { MessageKey } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';
import { LanguageSwitch } from './language-switch';

const NAV: Record<'agent' | 'admin', { href: string; label: MessageKey }[]> = {
  agent: [
    { href: '/senders', label: 'nav.senders' },
    { href: '/transactions', label: 'nav.transactions' },
    { href: '/aeps', label: 'nav.aeps' },
  ],
  admin: [
    { href: '/admin', label: 'nav.admin.overview' },
    { href: '/admin/agents', label: 'nav.admin.agents' },
    { href: '/admin/transactions', label: 'nav.admin.transactions' },
    { href: '/admin/activity', label: 'nav.admin.activity' },
  ],
};

export async function SiteHeader() {
  const user = await optionalPageUser();
  const { locale, t } = await serverI18n();
  return (
    <header className="border-b border-slate-300 bg-white print:hidden">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <AppLink href={user ? homeFor(user.role) : '/login'} className="flex min-h-touch items-center text-xl font-bold text-brand-800">
          {t('app.name')}
        </AppLink>
        {user && (
          <div className="flex flex-wrap items-center gap-2">
            <nav aria-label={t('nav.main')}>
              <ul className="flex flex-wrap gap-1">
                {NAV[user.role].map((item) => (
                  <li key={item.href}>
                    <AppLink href={item.href} className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 hover:bg-brand-50">
                      {t(item.label)}
                    </AppLink>
                  </li>
                ))}
              </ul>
            </nav>
            <span className="hidden text-sm text-slate-700 md:inline" data-testid="signed-in-as">
              {t('nav.signedInAs', { name: user.name })}
            </span>
            <AppLink href="/account/password" className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 hover:bg-brand-50">
              {t('nav.password')}
            </AppLink>
            <LogoutButton label={t('nav.logout')} />
          </div>
        )}
        <LanguageSwitch current={locale} />
      </div>
    </header>
  );
}
