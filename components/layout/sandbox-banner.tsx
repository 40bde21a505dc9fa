import { connection } from 'next/server';
import { getConfig } from '@/lib/config';
import { DEFAULT_LOCALE, translate } from '@/lib/i18n';

/** Read per request, not at build time: the same build runs in sandbox and against real Eko. */
export async function SandboxBanner() {
  await connection();
  if (!getConfig().sandboxMode) return null;
  return (
    <div role="note" data-testid="sandbox-banner" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-slate-950">
      {translate(DEFAULT_LOCALE, 'sandbox.banner')}
    </div>
  );
}
