import { route } from '@/lib/api/handler';
import { closeTransactionSchema, transactionIdSchema } from '@/lib/schemas/transfer';
import { closeNotAtEko } from '@/lib/transfers/admin';

// POST /api/admin/transactions/:id/close – closes a transaction unknown for a day that Eko never recorded (one inquiry first)
export const POST = route({
  access: 'admin',
  params: transactionIdSchema,
  body: closeTransactionSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  auditRefusalsAs: 'admin.transaction_close',
  handler: async ({ req, params, body, user }) => ({ transaction: await closeNotAtEko({ req, admin: user }, params.id, body) }),
});
