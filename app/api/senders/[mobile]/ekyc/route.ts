import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { senderEkycRequestSchema } from '@/lib/schemas/ekyc';
import { senderLookupSchema } from '@/lib/schemas/sender';
import { startSenderEkyc } from '@/lib/senders/ekyc';

// POST /api/senders/:mobile/ekyc – encrypted Aadhaar + PidData → Eko Sender eKYC (OTP sent)
export const POST = route({
  access: 'agent',
  params: senderLookupSchema,
  body: senderEkycRequestSchema,
  maxBodyBytes: 64 * 1024,
  limits: ({ params, user }) => [
    { rule: 'senderEkycPerSender', key: params.mobile },
    { rule: 'senderEkycPerAgent', key: user.id },
  ],
  handler: async ({ params, body, user }) => startSenderEkyc(agentOf(user), params.mobile, body),
});
