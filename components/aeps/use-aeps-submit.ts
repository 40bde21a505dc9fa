'use client';

import { apiRequest } from '@/lib/api/client';
import type { AepsEnquiryResult, AepsFlow } from '@/lib/aeps/types';
import type { AepsCustomerInput } from '@/lib/schemas/aeps';
import type { TransactionView } from '@/lib/transfers/types';
import { useOneAtATime } from '@/components/forms/use-one-at-a-time';

export type AepsAnswer = { flow: 'withdrawal'; transaction: TransactionView } | ({ flow: 'balance' | 'statement' } & AepsEnquiryResult);

/**
 * The one call that carries the customer's sealed Aadhaar and fingerprint: one at a time (a double
 * click sends nothing more), nothing of it kept.
 */
export function useAepsSubmit() {
  return useOneAtATime(
    async ({ flow, input }: { flow: AepsFlow; input: AepsCustomerInput & { amount?: number } }): Promise<AepsAnswer> => {
      if (flow === 'withdrawal') {
        const { transaction } = await apiRequest<{ transaction: TransactionView }>('/api/aeps/transactions/withdrawal', { method: 'POST', json: input });
        return { flow, transaction };
      }
      return { flow, ...(await apiRequest<AepsEnquiryResult>(`/api/aeps/transactions/${flow}`, { method: 'POST', json: input })) };
    },
    () => undefined,
  );
}
