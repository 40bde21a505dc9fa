import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { transferOtpSchema } from '@/lib/schemas/transfer';
import { sendTransferOtp } from '@/lib/transfers/service';

// POST /api/transfers/otp – Send Transaction OTP to the sender (the amount is fixed with it)
export const POST = route({
  access: 'agent',
  body: transferOtpSchema,
  limits: ({ body, user }) => [
    { rule: 'transferOtpPerSender', key: body.senderMobile },
    { rule: 'transferOtpPerAgent', key: user.id },
  ],
  handler: async ({ body, user }) => sendTransferOtp(agentOf(user), body),
});
