import Link from 'next/link';
import { LogoutButton } from '@/components/auth/logout-button';
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
        {/* prefetch={false} on the header's links: each is a page rendered per request, and
            prefetching them all on every page load (twice, as measured) cost the agent's data and
            the tablet's main thread (Lighthouse counted it in the page's blocking time). A tap
            still navigates in place; only the page it opens is fetched then. */}
        <Link href={user ? homeFor(user.role) : '/login'} prefetch={false} className="flex min-h-touch items-center text-xl font-bold text-brand-800">
          {t('app.name')}
        </Link>
        {user && (
          <div className="flex flex-wrap items-center gap-2">
            <nav aria-label={t('nav.main')}>
              <ul className="flex flex-wrap gap-1">
                {NAV[user.role].map((item) => (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      prefetch={false}
                      className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 hover:bg-brand-50"
                    >
                      {t(item.label)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
            <span className="hidden text-sm text-slate-700 md:inline" data-testid="signed-in-as">
              {t('nav.signedInAs', { name: user.name })}
            </span>
            <Link
              href="/account/password"
              prefetch={false}
              className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 hover:bg-brand-50"
            >
              {t('nav.password')}
            </Link>
            <LogoutButton label={t('nav.logout')} />
          </div>
        )}
        <LanguageSwitch current={locale} />
      </div>
    </header>
  );
}
