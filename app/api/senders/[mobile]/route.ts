import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { onboardSenderSchema, senderLookupSchema } from '@/lib/schemas/sender';
import { lookupSender, onboardSender } from '@/lib/senders/service';

// GET /api/senders/:mobile – the sender's state and monthly limits
export const GET = route({
  access: 'agent',
  params: senderLookupSchema,
  limits: ({ user }) => [
    { rule: 'senderLookupPerAgent', key: user.id },
    { rule: 'senderLookupPerAgentDaily', key: user.id },
  ],
  handler: async ({ params, user }) => ({ sender: await lookupSender(agentOf(user), params.mobile) }),
});

// POST /api/senders/:mobile – enrol a sender who is not enrolled (sent to Eko once, never retried)
export const POST = route({
  access: 'agent',
  params: senderLookupSchema,
  body: onboardSenderSchema,
  limits: ({ params, user }) => [
    { rule: 'senderOnboardPerSender', key: params.mobile },
    { rule: 'senderOnboardPerAgent', key: user.id },
  ],
  handler: async ({ params, body, user }) => ({ outcome: await onboardSender(agentOf(user), params.mobile, body) }),
});
