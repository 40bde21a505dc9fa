'use client';

import type { Serwist } from '@serwist/window';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';
import { Button } from '@/components/ui/button';
import { useAnyFlowInProgress } from './flow-guard';

const SW_URL = '/serwist/sw.js';

/**
 * Registers the service worker and offers a new version when one is waiting. The new worker takes
 * over only when the agent says so, and never while a flow is mid-way (flow-guard.ts); the page
 * reloads once the new worker controls it, so old pages never talk to a new shell.
 */
export function WorkerUpdates() {
  const { t } = useI18n();
  const serwist = useRef<Serwist | null>(null);
  const [waiting, setWaiting] = useState(false);
  const [later, setLater] = useState(false);
  const busy = useAnyFlowInProgress();

  useEffect(() => {
    // A tablet may stay on one page all day: look for a new version whenever the app comes back
    // to the foreground, not only on full page loads.
    const checkForUpdate = () => {
      if (document.visibilityState === 'visible') serwist.current?.update().catch(() => undefined);
    };
    let unmounted = false;
    import('@serwist/window')
      .then(({ Serwist }) => {
        if (unmounted) return;
        const sw = new Serwist(SW_URL, { scope: '/', type: 'module' });
        sw.addEventListener('waiting', () => setWaiting(true));
        serwist.current = sw;
        // Registration can fail (private mode, storage full); the app works without a worker.
        return sw.register();
      })
      .catch(() => undefined);
    document.addEventListener('visibilitychange', checkForUpdate);
    return () => {
      unmounted = true;
      document.removeEventListener('visibilitychange', checkForUpdate);
    };
  }, []);

  if (!waiting || later || busy) return null;

  const reload = () => {
    const sw = serwist.current;
    if (!sw) return window.location.reload();
    sw.addEventListener('controlling', () => window.location.reload());
    sw.messageSkipWaiting();
  };

  return (
    <div className="fixed inset-x-0 bottom-0 z-40 border-t-2 border-brand-600 bg-white p-3 shadow-lg" data-testid="update-prompt">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3">
        <p role="status" className="font-semibold text-slate-900">
          {t('pwa.update.available')}
        </p>
        <div className="flex gap-2">
          <Button variant="secondary" onClick={() => setLater(true)}>
            {t('pwa.update.later')}
          </Button>
          <Button onClick={reload}>{t('pwa.update.reload')}</Button>
        </div>
      </div>
    </div>
  );
}
