import { csvResponse, TRANSACTION_COLUMNS } from '@/lib/admin/csv';
import { route } from '@/lib/api/handler';
import { todayInIndia } from '@/lib/schemas/sender';
import { adminTransactionFilterSchema } from '@/lib/schemas/transfer';
import { networkViewBatches } from '@/lib/transfers/loaders';

// GET /api/admin/transactions/export – the filtered transactions as CSV, streamed
export const GET = route({
  access: 'admin',
  query: adminTransactionFilterSchema,
  handler: async ({ query }) => csvResponse('transactions', todayInIndia(), TRANSACTION_COLUMNS, networkViewBatches(query)),
});
