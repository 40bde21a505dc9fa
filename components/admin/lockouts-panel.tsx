import type { LockoutRow } from '@/lib/db/queries/lockouts';
import { formatMobile } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';
import { DataTable } from './data-table';
import { indiaDateTime } from './labels';
import { LiftLockoutButton } from './lift-lockout-button';

/** Sign-in lockouts in force: whose, which browsers, until when, how many in a row. */
export async function LockoutsPanel({ lockouts }: { lockouts: LockoutRow[] }) {
  const { locale, t } = await serverI18n();
  return (
    <section aria-labelledby="lockouts-title" className="flex flex-col gap-3" data-testid="lockouts">
      <h2 id="lockouts-title" className="text-xl font-bold">
        {t('admin.lockouts.title')}
      </h2>
      <p className="text-slate-700">{t('admin.lockouts.intro')}</p>
      <DataTable
        caption={t('admin.lockouts.title')}
        testId="lockouts-table"
        headers={[
          t('admin.lockouts.account'),
          t('admin.lockouts.scope'),
          t('admin.lockouts.until'),
          t('admin.lockouts.level'),
          t('admin.lockouts.address'),
          t('admin.agents.actions'),
        ]}
        rows={lockouts.map((l) => [
          <span key="who">
            {l.name ?? t('admin.lockouts.noAccount')} <span className="tabular-nums">({formatMobile(l.mobile)})</span>
          </span>,
          t(
            l.scope === 'known_device'
              ? 'admin.lockouts.scope.known_device'
              : l.scope === 'address'
                ? 'admin.lockouts.scope.address'
                : 'admin.lockouts.scope.unknown_devices',
          ),
          indiaDateTime(l.lockedUntil, locale),
          String(l.level),
          l.lastAddress ?? '—',
          <LiftLockoutButton key="lift" lockoutKey={l.key} label={t('admin.lockouts.lift')} who={l.name ?? formatMobile(l.mobile)} />,
        ])}
        empty={t('admin.lockouts.none')}
      />
    </section>
  );
}
