import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { transactionIdSchema } from '@/lib/schemas/transfer';
import { sendRefundOtp } from '@/lib/transfers/service';

// POST /api/transfers/:id/refund/otp – the refund OTP to the sender, for a refund-pending transfer
export const POST = route({
  access: 'agent',
  params: transactionIdSchema,
  limits: ({ user }) => [{ rule: 'refundPerAgent', key: user.id }],
  handler: async ({ params, user }) => sendRefundOtp(agentOf(user), params.id),
});
