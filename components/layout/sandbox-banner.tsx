import { connection } from 'next/server';
import { isSandboxMode } from '@/lib/auth/training';
import { serverI18n } from '@/lib/i18n/server';

/** Read per request, not at build time: the same build runs in sandbox and against real Eko. */
export async function SandboxBanner() {
  await connection();
  if (!isSandboxMode()) return null;
  const { t } = await serverI18n();
  return (
    <div role="note" data-testid="sandbox-banner" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-slate-950 print:hidden">
      {t('sandbox.banner')}
    </div>
  );
}
