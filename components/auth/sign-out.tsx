'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';

/** Ends the session on arrival (the cookie is httpOnly, so the server clears it). */
export function SignOut() {
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  useEffect(() => {
    fetch('/api/auth/logout', { method: 'POST' })
      .catch(() => undefined)
      .finally(() => setDone(true));
  }, []);
  if (!done) return <Spinner label={t('logout.working')} />;
  return (
    <div className="flex flex-col gap-3" role="status">
      <p>{t('logout.done')}</p>
      <Link href="/login" className="font-semibold text-brand-700 underline">
        {t('logout.signInAgain')}
      </Link>
    </div>
  );
}
