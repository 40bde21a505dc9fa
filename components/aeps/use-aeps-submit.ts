'use client';

import { useRef, useState } from 'react';
import { apiRequest } from '@/lib/api/client';
import type { AepsEnquiryResult, AepsFlow } from '@/lib/aeps/types';
import type { AepsCustomerInput } from '@/lib/schemas/aeps';
import type { TransactionView } from '@/lib/transfers/types';

export type AepsAnswer = { flow: 'withdrawal'; transaction: TransactionView } | ({ flow: 'balance' | 'statement' } & AepsEnquiryResult);

/**
 * The one call that carries the customer's sealed Aadhaar and fingerprint. One at a time (a double
 * click sends nothing more) and nothing of it is kept: no mutation cache holding its variables.
 */
export function useAepsSubmit() {
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);
  const run = async (flow: AepsFlow, input: AepsCustomerInput & { amount?: number }): Promise<AepsAnswer | null> => {
    if (inFlight.current) return null;
    inFlight.current = true;
    setBusy(true);
    try {
      if (flow === 'withdrawal') {
        const { transaction } = await apiRequest<{ transaction: TransactionView }>('/api/aeps/transactions/withdrawal', { method: 'POST', json: input });
        return { flow, transaction };
      }
      return { flow, ...(await apiRequest<AepsEnquiryResult>(`/api/aeps/transactions/${flow}`, { method: 'POST', json: input })) };
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return { run, busy };
}
