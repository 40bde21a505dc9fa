'use client';

import { lazy, Suspense } from 'react';
import { useHydrated } from '@/components/forms/use-hydrated';

// Registering the worker and offering its updates is not needed to show or use a page: that code
// (and the worker's client library after it) is fetched once the page has hydrated, not with
// every page's first load. If it cannot be fetched the page goes on without a worker, as it does
// when registration fails.
const WorkerUpdates = lazy(() =>
  import('./worker-updates').then(
    (m) => ({ default: m.WorkerUpdates }),
    () => ({ default: () => null }),
  ),
);

export function ServiceWorker() {
  const hydrated = useHydrated();
  // Development builds change on every save; a worker there would only serve stale code.
  if (!hydrated || process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return null;
  return (
    <Suspense fallback={null}>
      <WorkerUpdates />
    </Suspense>
  );
}
