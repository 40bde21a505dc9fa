'use client';

import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api/client';
import { todayInIndia } from '@/lib/dates';

export interface AepsStatus {
  ekycCompletedOn: string | null;
  lastDailyAuthOn: string | null;
}

export const aepsStatusKey = ['aeps-status'] as const;

/**
 * `initial`: the status as the server rendered the page with it, so what it shows is in the
 * page's first paint. "Due" is decided with this device's clock, in India's time zone: a new calendar day, a new authentication. */
export function useAepsStatus(initial?: AepsStatus) {
  const query = useQuery({
    queryKey: aepsStatusKey,
    queryFn: () => apiRequest<AepsStatus>('/api/aeps/status'),
    initialData: initial,
    // The server read it for this very page: no second read as the page comes alive. A flow that
    // changes it invalidates the query, which fetches it again at once.
    staleTime: initial ? 30_000 : 0,
  });
  const today = todayInIndia(new Date());
  const status = query.data;
  const phase = !status ? null : !status.ekycCompletedOn ? ('ekyc' as const) : status.lastDailyAuthOn === today ? ('done' as const) : ('due' as const);
  return { query, status, today, phase };
}
