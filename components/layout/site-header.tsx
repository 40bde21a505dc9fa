import Link from 'next/link';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

export function SiteHeader() {
  const t = (key: Parameters<typeof translate>[1]) => translate(DEFAULT_LOCALE, key);
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <Link href="/senders" className="flex min-h-touch items-center text-xl font-bold text-brand-800">
          {t('app.name')}
        </Link>
        <nav aria-label="Main">
          <Link href="/senders" className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 hover:bg-brand-50">
            {t('nav.senders')}
          </Link>
        </nav>
      </div>
    </header>
  );
}
