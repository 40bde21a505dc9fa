import { AppLink } from '@/components/ui/app-link';
import clsx from 'clsx';
import { loadOverview } from '@/lib/admin/loaders';
import { serverI18n } from '@/lib/i18n/server';
import { telemetryMessage } from '@/lib/rd/messages';
import { todayInIndia } from '@/lib/schemas/sender';
import { BarChart, lastDays } from './bar-chart';
import { DataTable } from './data-table';
import { actionLabel, detailLabel, shortDay } from './labels';

function Kpi({ label, value, testId }: { label: string; value: number; testId: string }) {
  return (
    <div className="rounded-xl border border-slate-300 bg-white p-4">
      <p className="text-sm text-slate-700">{label}</p>
      <p className="text-3xl font-bold tabular-nums" data-testid={testId}>
        {value.toLocaleString('en-IN')}
      </p>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="flex min-w-0 flex-col gap-3 rounded-xl border border-slate-300 bg-white p-4">
      <h2 className="text-xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

export async function AdminOverview({ days }: { days: number }) {
  const { locale, t } = await serverI18n();
  const today = todayInIndia();
  const { lookups, funnelDays, funnelAgents, failures, devices, daily } = await loadOverview(days);
  const period = lastDays(days, today);
  const lookupsByDay = new Map(lookups.map((l) => [l.day, l]));
  const funnelByDay = new Map(funnelDays.map((f) => [f.day, f]));
  const totalLookups = lookups.reduce((s, l) => s + l.total, 0);
  const busiest = lookups.reduce((a, b) => (b.total > (a?.total ?? -1) ? b : a), lookups[0]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold">{t('admin.overview.title')}</h1>
        <nav aria-label={t('admin.range')}>
          <ul className="flex gap-2">
            {[7, 14, 30].map((d) => (
              <li key={d}>
                <AppLink
                  href={`/admin?days=${d}`}
                  aria-current={d === days ? 'page' : undefined}
                  className={clsx(
                    'inline-flex min-h-touch items-center rounded-lg border px-3 font-semibold',
                    d === days ? 'border-brand-700 bg-brand-700 text-white' : 'border-slate-400 bg-white text-brand-800',
                  )}
                >
                  {t('admin.range.days', { days: d })}
                </AppLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>

      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Kpi label={t('admin.kpi.lookups')} value={totalLookups} testId="kpi-lookups" />
        <Kpi label={t('admin.kpi.ekycCompleted')} value={funnelDays.reduce((s, f) => s + f.completed, 0)} testId="kpi-ekyc" />
        <Kpi label={t('admin.kpi.failures')} value={failures.reduce((s, f) => s + f.total, 0)} testId="kpi-failures" />
        <Kpi label={t('admin.kpi.deviceErrors')} value={devices.reduce((s, d) => s + d.total, 0)} testId="kpi-device-errors" />
      </div>

      <Section title={t('admin.lookups.title')}>
        <BarChart
          title={t('admin.lookups.title')}
          summary={t('admin.lookups.summary', { total: totalLookups, days, day: busiest ? shortDay(busiest.day, locale) : '—', max: busiest?.total ?? 0 })}
          days={period}
          series={[
            { label: t('admin.col.total'), colour: '#1d5fc2' },
            { label: t('admin.col.ok'), colour: '#15803d' },
          ]}
          values={period.map((d) => [lookupsByDay.get(d)?.total ?? 0, lookupsByDay.get(d)?.ok ?? 0])}
          testId="lookups-per-day"
          locale={locale}
          dayLabel={t('admin.col.day')}
        />
      </Section>

      <Section title={t('admin.funnel.title')}>
        <BarChart
          title={t('admin.funnel.byDay')}
          heading={t('admin.funnel.byDay')}
          summary={t('admin.funnel.title')}
          days={period}
          series={[
            { label: t('admin.funnel.started'), colour: '#64748b' },
            { label: t('admin.funnel.otpSent'), colour: '#b45309' },
            { label: t('admin.funnel.completed'), colour: '#15803d' },
          ]}
          values={period.map((d) => {
            const f = funnelByDay.get(d);
            return [f?.started ?? 0, f?.otpSent ?? 0, f?.completed ?? 0];
          })}
          testId="funnel-per-day"
          locale={locale}
          dayLabel={t('admin.col.day')}
        />
        <h3 className="font-semibold">{t('admin.funnel.byAgent')}</h3>
        <DataTable
          caption={t('admin.funnel.byAgent')}
          headers={[t('admin.col.agent'), t('admin.funnel.started'), t('admin.funnel.otpSent'), t('admin.funnel.completed')]}
          rows={funnelAgents.map((f) => [f.name, f.started, f.otpSent, f.completed])}
          empty={t('admin.none')}
          testId="funnel-per-agent"
        />
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section title={t('admin.failures.title')}>
          <DataTable
            caption={t('admin.failures.title')}
            headers={[t('admin.failures.action'), t('admin.failures.reason'), t('admin.failures.count')]}
            rows={failures.map((f) => [actionLabel(t, f.action), detailLabel(t, f.detail), f.total])}
            empty={t('admin.none')}
            testId="failure-reasons"
          />
        </Section>
        <Section title={t('admin.devices.title')}>
          <DataTable
            caption={t('admin.devices.title')}
            headers={[t('admin.devices.code'), t('admin.devices.message'), t('admin.failures.count'), t('admin.devices.agents')]}
            rows={devices.map((d) => {
              const message = telemetryMessage(d.errCode);
              return [d.errCode, t(message.key, message.vars), d.total, d.agents];
            })}
            empty={t('admin.none')}
            testId="device-errors"
          />
        </Section>
      </div>

      <Section title={t('admin.daily.title', { date: shortDay(today, locale) })}>
        <DataTable
          caption={t('admin.daily.title', { date: shortDay(today, locale) })}
          headers={[t('admin.col.agent'), t('admin.daily.ekyc'), t('admin.daily.last'), t('admin.daily.status')]}
          rows={daily.map((a) => [
            a.name,
            a.ekycCompletedOn ? shortDay(a.ekycCompletedOn, locale) : '—',
            a.lastDailyAuthOn ? shortDay(a.lastDailyAuthOn, locale) : '—',
            !a.ekycCompletedOn ? t('admin.daily.ekycFirst') : a.lastDailyAuthOn === today ? t('admin.daily.done') : t('admin.daily.due'),
          ])}
          empty={t('admin.none')}
          testId="daily-auth"
        />
      </Section>
    </div>
  );
}
