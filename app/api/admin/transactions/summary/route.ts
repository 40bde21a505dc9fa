import { route } from '@/lib/api/handler';
import { summaryRangeSchema } from '@/lib/schemas/transfer';
import { adminTransactionsSummary } from '@/lib/transfers/loaders';

// GET /api/admin/transactions/summary – per-day figures, states, failure reasons, fee mismatches, the awaited queue
export const GET = route({
  access: 'admin',
  query: summaryRangeSchema,
  handler: async ({ query }) => adminTransactionsSummary(query.days ?? 7),
});
