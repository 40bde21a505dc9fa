import type { TransferHistoryFilters } from '@/lib/schemas/transfer';

/** react-query's keys for what the money screens read: one list, so a change invalidates what it should. */
export const transferKeys = {
  sender: (mobile: string) => ['sender', mobile] as const,
  recipients: (mobile: string) => ['recipients', mobile] as const,
  ifsc: (ifsc: string) => ['ifsc', ifsc] as const,
  pending: (senderMobile: string | null) => ['transfers', 'pending', senderMobile ?? '*'] as const,
  transaction: (id: string) => ['transfers', 'tx', id] as const,
  history: (filters: TransferHistoryFilters) => ['transfers', 'history', filters] as const,
  lastSuccess: ['transfers', 'last-success'] as const,
};
