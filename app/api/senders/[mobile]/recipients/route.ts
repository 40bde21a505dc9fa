import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { senderLookupSchema } from '@/lib/schemas/sender';
import { recipientSchema } from '@/lib/schemas/transfer';
import { addRecipient, listRecipients } from '@/lib/transfers/service';

// GET /api/senders/:mobile/recipients – the sender's recipients (an empty list is "none yet")
export const GET = route({
  access: 'agent',
  params: senderLookupSchema,
  limits: ({ user }) => [{ rule: 'recipientsReadPerAgent', key: user.id }],
  handler: async ({ params, user }) => listRecipients(agentOf(user), params.mobile),
});

// POST /api/senders/:mobile/recipients – add a recipient (sent once; "already registered" names the existing one)
export const POST = route({
  access: 'agent',
  params: senderLookupSchema,
  body: recipientSchema,
  limits: ({ params, user }) => [
    { rule: 'recipientAddPerSender', key: params.mobile },
    { rule: 'recipientAddPerAgent', key: user.id },
  ],
  handler: async ({ params, body, user }) => ({ outcome: await addRecipient(agentOf(user), params.mobile, body) }),
});
