'use client';

import clsx from 'clsx';
import { lazy, Suspense, useEffect } from 'react';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { useAepsStatus } from './use-aeps-status';

// The flows (RD service, Aadhaar transport encryption, their forms) are loaded apart from the
// page, starting as soon as it mounts: their code arrives while the status is being fetched.
const loadFlows = () => import('./aeps-flows');
const OneTimeEkycFlow = lazy(() => loadFlows().then((m) => ({ default: m.OneTimeEkycFlow })));
const DailyAuthFlow = lazy(() => loadFlows().then((m) => ({ default: m.DailyAuthFlow })));

function StatusRow({ label, value, good, testId }: { label: string; value: string; good: boolean; testId: string }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-lg bg-slate-50 p-3">
      <dt className="font-semibold">{label}</dt>
      <dd
        data-testid={testId}
        className={clsx(
          'rounded-full border px-3 py-1 text-sm font-semibold',
          good ? 'border-green-700 bg-green-100 text-green-900' : 'border-amber-700 bg-amber-100 text-amber-950',
        )}
      >
        {value}
      </dd>
    </div>
  );
}

export function AepsDesk() {
  const { t } = useI18n();
  const { query, status, today, phase } = useAepsStatus();
  useEffect(() => void loadFlows(), []);
  if (query.isPending) return <Spinner label={t('aeps.status.loading')} />;
  if (!status) return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <div className="flex flex-col gap-6">
      {/* A failed refresh is shown, but does not tear down a flow in progress. */}
      {query.isError && <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />}
      <dl className="grid gap-3 md:grid-cols-2" aria-live="polite">
        <StatusRow
          label={t('aeps.status.ekyc')}
          value={status.ekycCompletedOn ? t('aeps.status.ekycDone', { date: status.ekycCompletedOn }) : t('aeps.status.ekycDue')}
          good={!!status.ekycCompletedOn}
          testId="aeps-ekyc-status"
        />
        <StatusRow
          label={t('aeps.status.daily', { date: today })}
          value={phase === 'done' ? t('aeps.status.dailyDone') : t('aeps.status.dailyDue')}
          good={phase === 'done'}
          testId="aeps-daily-status"
        />
      </dl>
      <Suspense fallback={<Spinner label={t('aeps.flow.loading')} />}>
        {phase === 'ekyc' && <OneTimeEkycFlow />}
        {phase === 'due' && status.ekycCompletedOn && <DailyAuthFlow key={today} ekycCompletedOn={status.ekycCompletedOn} />}
      </Suspense>
      {phase === 'done' && <p className="text-slate-700">{t('aeps.allSet')}</p>}
    </div>
  );
}
