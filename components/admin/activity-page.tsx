import { AppLink } from '@/components/ui/app-link';
import { fieldsFromZod } from '@/lib/api/errors';
import { loadActivity } from '@/lib/admin/loaders';
import type { ActivityRow } from '@/lib/db/queries/activity';
import { formatMobile, translateMaybe } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '@/lib/audit/actions';
import { type ActivityFilters, activityFilterSchema } from '@/lib/schemas/admin';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { DataTable } from './data-table';
import { actionLabel, detailLabel, indiaDateTime, outcomeLabel } from './labels';

function queryString(f: ActivityFilters, page?: number): string {
  const params = new URLSearchParams();
  for (const key of ['agent', 'action', 'outcome', 'from', 'to'] as const) if (f[key]) params.set(key, String(f[key]));
  if (page && page > 1) params.set('page', String(page));
  return params.toString();
}

/** Whom the event was about: the sender of an Eko call, or the account a sign-in or admin action touched. */
function aboutLabel(r: ActivityRow): string {
  if (r.senderMobile) return formatMobile(r.senderMobile);
  if (r.targetName) return `${r.targetName} (${formatMobile(r.targetMobile ?? '')})`;
  return r.targetMobile ? formatMobile(r.targetMobile) : '—';
}

export async function ActivityPage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const { locale, t } = await serverI18n();
  const raw = Object.fromEntries(Object.entries(searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = activityFilterSchema.safeParse(raw);
  const filters: ActivityFilters = parsed.success ? parsed.data : {};
  const fieldErrors = parsed.success ? {} : Object.fromEntries(Object.entries(fieldsFromZod(parsed.error)).map(([f, k]) => [f, translateMaybe(locale, k)]));
  const { activity, agents } = await loadActivity(filters);
  const qs = queryString(filters);

  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t('admin.activity.title')}</h1>
      <form method="get" className="grid gap-4 rounded-xl border border-slate-300 bg-white p-4 md:grid-cols-3 lg:grid-cols-5">
        <SelectField name="agent" label={t('admin.activity.filter.agent')} defaultValue={filters.agent ?? ''}>
          <option value="">{t('admin.activity.filter.anyAgent')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.mobile})
            </option>
          ))}
        </SelectField>
        <SelectField name="action" label={t('admin.activity.filter.action')} defaultValue={filters.action ?? ''}>
          <option value="">{t('admin.activity.filter.anyAction')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {actionLabel(t, a)}
            </option>
          ))}
        </SelectField>
        <SelectField name="outcome" label={t('admin.activity.filter.outcome')} defaultValue={filters.outcome ?? ''}>
          <option value="">{t('admin.activity.filter.anyOutcome')}</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {outcomeLabel(t, o)}
            </option>
          ))}
        </SelectField>
        <TextField name="from" type="date" label={t('admin.activity.filter.from')} defaultValue={filters.from ?? ''} error={fieldErrors.from} />
        <TextField name="to" type="date" label={t('admin.activity.filter.to')} defaultValue={filters.to ?? ''} error={fieldErrors.to} />
        <div className="flex flex-wrap gap-3 md:col-span-3 lg:col-span-5">
          <Button type="submit">{t('admin.activity.filter.apply')}</Button>
          <AppLink href="/admin/activity" className="inline-flex min-h-touch items-center rounded-lg px-3 font-semibold text-brand-700 underline">
            {t('admin.activity.filter.clear')}
          </AppLink>
          <a
            href={`/api/admin/activity/export${qs ? `?${qs}` : ''}`}
            className="inline-flex min-h-touch items-center rounded-lg border border-slate-400 bg-white px-4 font-semibold text-slate-900"
            download
          >
            {t('admin.activity.export')}
          </a>
        </div>
      </form>
      {!parsed.success && <Alert tone="error">{t('errors.invalid_input')}</Alert>}

      <p className="text-slate-700" data-testid="activity-count">
        {t('admin.activity.count', { total: activity.total, page: activity.page, pages: activity.pages })}
      </p>
      <DataTable
        caption={t('admin.activity.title')}
        testId="activity-table"
        headers={[
          t('admin.activity.time'),
          t('admin.col.agent'),
          t('admin.failures.action'),
          t('admin.activity.target'),
          t('admin.activity.outcome'),
          t('admin.activity.detail'),
          t('admin.activity.address'),
          t('admin.activity.ref'),
        ]}
        rows={activity.rows.map((r) => [
          indiaDateTime(r.at, locale),
          r.agentName ?? '—',
          actionLabel(t, r.action),
          aboutLabel(r),
          outcomeLabel(t, r.outcome),
          detailLabel(t, r.detail),
          r.clientAddress ?? '—',
          <code key="ref">{r.clientRefId ?? '—'}</code>,
        ])}
        empty={t('admin.activity.none')}
      />
      <nav aria-label={t('admin.activity.title')} className="flex gap-3">
        {activity.page > 1 && (
          <AppLink
            className="inline-flex min-h-touch items-center rounded-lg border border-slate-400 bg-white px-4 font-semibold"
            href={`/admin/activity?${queryString(filters, activity.page - 1)}`}
          >
            {t('admin.activity.prev')}
          </AppLink>
        )}
        {activity.page < activity.pages && (
          <AppLink
            className="inline-flex min-h-touch items-center rounded-lg border border-slate-400 bg-white px-4 font-semibold"
            href={`/admin/activity?${queryString(filters, activity.page + 1)}`}
          >
            {t('admin.activity.next')}
          </AppLink>
        )}
      </nav>
    </div>
  );
}
