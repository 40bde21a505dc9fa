import { loadAgentsView } from '@/lib/admin/loaders';
import { formatMobile } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { AgentActions } from './agent-actions';
import { AgentShopForm } from './agent-shop-form';
import { CreateAgentForm } from './create-agent-form';
import { DataTable } from './data-table';
import { indiaDateTime } from './labels';
import { LockoutsPanel } from './lockouts-panel';

export async function AgentsPage({ query }: { query: string }) {
  const { locale, t } = await serverI18n();
  const { rows, total, lockouts } = await loadAgentsView(query);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl font-bold">{t('admin.agents.title')}</h1>
      <CreateAgentForm />
      <form method="get" role="search" className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex-1">
          <TextField name="q" label={t('admin.agents.search')} defaultValue={query} type="search" />
        </div>
        <Button type="submit">{t('admin.agents.searchSubmit')}</Button>
      </form>
      <p className="text-slate-700">{t('admin.agents.count', { count: total })}</p>
      <DataTable
        caption={t('admin.agents.title')}
        testId="agents-table"
        headers={[
          t('admin.agents.name'),
          t('admin.agents.mobile'),
          t('admin.agents.userCode'),
          t('admin.agents.shop'),
          t('admin.agents.status'),
          t('admin.agents.lastActivity'),
          t('admin.agents.actions'),
        ]}
        rows={rows.map((a) => [
          a.name,
          <span key="m" className="tabular-nums">
            {formatMobile(a.mobile)}
          </span>,
          a.ekoUserCode ?? '—',
          <AgentShopForm key="s" id={a.id} name={a.name} shopName={a.shopName} shopAddress={a.shopAddress} />,
          a.active ? t('admin.agents.active') : t('admin.agents.inactive'),
          a.lastActivityAt ? indiaDateTime(a.lastActivityAt, locale) : t('admin.agents.never'),
          <AgentActions key="a" id={a.id} name={a.name} active={a.active} />,
        ])}
        empty={t('admin.agents.none')}
      />
      <LockoutsPanel lockouts={lockouts} />
    </div>
  );
}
