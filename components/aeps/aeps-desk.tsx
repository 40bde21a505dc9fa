'use client';

import clsx from 'clsx';
import { useRouter } from 'next/navigation';
import { lazy, Suspense, useEffect, useState } from 'react';
import { AEPS_FLOWS, type AepsFlow } from '@/lib/aeps/types';
import { Alert } from '@/components/ui/alert';
import { LinkButton } from '@/components/ui/link-button';
import { Spinner } from '@/components/ui/spinner';
import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { useHydrated } from '@/components/forms/use-hydrated';
import { type AepsStatus, useAepsStatus } from './use-aeps-status';

// The flows (RD service, Aadhaar transport encryption, their forms) are loaded apart from the
// page, when one is rendered: an agent whose day is set up never runs their code.
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

/** The customer transactions, offered once today's authentication is done. */
function TransactionMenu() {
  const { t } = useI18n();
  return (
    <nav aria-labelledby="aeps-menu-title" className="flex flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4 sm:p-6" data-testid="aeps-menu">
      <h2 id="aeps-menu-title" className="text-2xl font-bold">
        {t('aeps.menu.title')}
      </h2>
      <p className="text-slate-700">{t('aeps.menu.intro')}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        {AEPS_FLOWS.map((flow) => (
          <LinkButton key={flow} href={`/aeps/${flow}`} variant={flow === 'withdrawal' ? 'primary' : 'secondary'} className="min-h-16 text-lg">
            {t(`aeps.menu.${flow}`)}
          </LinkButton>
        ))}
      </div>
    </nav>
  );
}

/**
 * `next`: the transaction the agent was on when the daily authentication was found due
 * (one of /aeps/…, checked by the page); once it is done the agent goes straight back there.
 */
export function AepsDesk({ initial, next = null, again = false }: { initial?: AepsStatus; next?: AepsFlow | null; again?: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const { query, status, today, phase: recorded } = useAepsStatus(initial);
  // The status is in the server's HTML; a flow is not, and must not be: its buttons would be on
  // screen before their code could answer a tap (the flows load apart from the page), and its
  // Aadhaar field must never be in a form the browser could submit on its own.
  const hydrated = useHydrated();
  // `again`: Eko asked for today's authentication (1467) although it is recorded here; it is offered until done.
  const [redone, setRedone] = useState(false);
  const askedAgain = again && !redone && recorded === 'done';
  const phase = askedAgain ? 'due' : recorded;
  useEffect(() => {
    if (phase === 'done' && next) router.replace(`/aeps/${next}`);
  }, [phase, next, router]);
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
      {askedAgain && (
        <Alert tone="warning" testId="aeps-asked-again">
          {t('aeps.daily.askedAgain')}
        </Alert>
      )}
      {next && phase !== 'done' && (
        <Alert tone="info" testId="aeps-return-note">
          {t('aeps.returnAfterAuth', { transaction: t(`aeps.kind.${next}`) })}
        </Alert>
      )}
      <Suspense fallback={<Spinner label={t('aeps.flow.loading')} />}>
        {!hydrated && (phase === 'ekyc' || phase === 'due') && <Spinner label={t('aeps.flow.loading')} />}
        {hydrated && phase === 'ekyc' && <OneTimeEkycFlow />}
        {hydrated && phase === 'due' && status.ekycCompletedOn && (
          <DailyAuthFlow key={today} ekycCompletedOn={status.ekycCompletedOn} onDone={() => setRedone(true)} />
        )}
      </Suspense>
      {phase === 'done' && <p className="text-slate-700">{t('aeps.allSet')}</p>}
      {phase === 'done' && !next && <TransactionMenu />}
    </div>
  );
}
