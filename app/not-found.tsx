import Link from 'next/link';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

export default function NotFound() {
  return (
    <div className="flex flex-col gap-3">
      <h1 className="text-2xl font-bold">{translate(DEFAULT_LOCALE, 'errors.not_found')}</h1>
      <Link href="/senders" className="font-semibold text-brand-700 underline">
        {translate(DEFAULT_LOCALE, 'nav.senders')}
      </Link>
    </div>
  );
}
