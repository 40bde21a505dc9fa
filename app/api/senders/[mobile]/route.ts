import { route } from '@/lib/api/handler';
import { onboardSenderSchema, senderLookupSchema } from '@/lib/schemas/sender';
import { lookupSender, onboardSender } from '@/lib/senders/service';

// GET /api/senders/:mobile – the sender's state and monthly limits
export const GET = route({
  params: senderLookupSchema,
  handler: async ({ params, agent }) => ({ sender: await lookupSender(agent, params.mobile) }),
});

// POST /api/senders/:mobile – enrol a sender who is not enrolled (sent to Eko once, never retried)
export const POST = route({
  params: senderLookupSchema,
  body: onboardSenderSchema,
  handler: async ({ params, body, agent }) => ({ outcome: await onboardSender(agent, params.mobile, body) }),
});
