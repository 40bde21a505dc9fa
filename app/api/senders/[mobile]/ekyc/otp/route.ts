import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { senderEkycOtpRequestSchema } from '@/lib/schemas/ekyc';
import { senderLookupSchema } from '@/lib/schemas/sender';
import { validateSenderEkycOtp } from '@/lib/senders/ekyc';

// POST /api/senders/:mobile/ekyc/otp – the OTP the sender received → Validate eKYC OTP
export const POST = route({
  access: 'agent',
  params: senderLookupSchema,
  body: senderEkycOtpRequestSchema,
  limits: ({ params, user }) => [
    { rule: 'senderOtpPerSender', key: params.mobile },
    { rule: 'senderOtpPerAgent', key: user.id },
  ],
  handler: async ({ params, body, user }) => validateSenderEkycOtp(agentOf(user), params.mobile, body),
});
