import type { MessageKey } from '@/lib/i18n';
import { serverI18n } from '@/lib/i18n/server';

/** An agent page's title and one-line introduction. */
export async function PageHeader({ title, intro }: { title: MessageKey; intro: MessageKey }) {
  const { t } = await serverI18n();
  return (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t(title)}</h1>
      <p className="mb-6 mt-1 text-slate-700">{t(intro)}</p>
    </>
  );
}
