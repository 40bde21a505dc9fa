'use client';

import { useI18n } from '@/components/i18n/i18n-provider';
import { ApiErrorAlert } from '@/components/forms/api-error-alert';
import { onDemand } from '@/components/ui/on-demand';
import { DoNotPayAgain } from './do-not-pay-again';
import { usePendingTransfers } from './use-pending';

// Most loads find no open transfer: the list's code (items, ages, badges) is fetched when there is
// one; "do not pay again" above it shows at once.
const PendingItems = onDemand(() => import('./pending-list').then((m) => m.PendingItems));

/**
 * Transfers whose outcome is not known yet, read from the server (so a refresh or a new tab shows
 * them too), refreshed until each is final. Nothing at all when there are none.
 */
export function PendingTransfers({ senderMobile = null }: { senderMobile?: string | null }) {
  const { t } = useI18n();
  const pending = usePendingTransfers(senderMobile);
  if (pending.isError) {
    return (
      <ApiErrorAlert error={pending.error} onRetry={() => void pending.refetch()}>
        <p className="mt-1">{t('transfer.pending.loadFailed')}</p>
      </ApiErrorAlert>
    );
  }
  if (!pending.data || pending.data.length === 0) return null;
  return (
    <section aria-labelledby={`pending-${senderMobile ?? 'all'}`} data-testid="pending-transfers">
      <h2 id={`pending-${senderMobile ?? 'all'}`} className="sr-only">
        {t('transfer.pending.title')}
      </h2>
      <DoNotPayAgain>
        <PendingItems pending={pending.data} showSender={senderMobile === null} />
      </DoNotPayAgain>
    </section>
  );
}
