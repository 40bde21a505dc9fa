'use client';

import { AppLink } from '@/components/ui/app-link';
import clsx from 'clsx';
import { useI18n } from '@/components/i18n/i18n-provider';
import { type AepsStatus, useAepsStatus } from './use-aeps-status';

/**
 * On the agent's home: today's AePS authentication, hard to miss while it is due. `initial` comes
 * with the page: a banner that arrived after it would push the search form down under the agent's
 * finger (a layout shift Lighthouse measured at 0.094).
 */
export function AepsBanner({ initial }: { initial?: AepsStatus }) {
  const { t } = useI18n();
  const { phase } = useAepsStatus(initial);
  if (!phase) return null;
  const due = phase !== 'done';
  return (
    <div
      role="status"
      data-testid="aeps-banner"
      data-phase={phase}
      className={clsx(
        'mb-6 flex flex-wrap items-center justify-between gap-3 rounded-lg border-l-4 p-4',
        due ? 'border-amber-600 bg-amber-50' : 'border-green-700 bg-green-50',
      )}
    >
      <p className="font-semibold">{t(phase === 'ekyc' ? 'aeps.banner.ekyc' : phase === 'due' ? 'aeps.banner.due' : 'aeps.banner.done')}</p>
      {due && (
        <AppLink href="/aeps" className="inline-flex min-h-touch items-center rounded-lg bg-brand-700 px-4 font-semibold text-white hover:bg-brand-800">
          {t(phase === 'ekyc' ? 'aeps.banner.ekycAction' : 'aeps.banner.dueAction')}
        </AppLink>
      )}
    </div>
  );
}
