import { aepsDailyAuth } from '@/lib/aeps/service';
import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { aepsDailyAuthSchema } from '@/lib/schemas/aeps';

// POST /api/aeps/daily-auth – today's biometric authentication (blank wadh)
export const POST = route({
  access: 'agent',
  body: aepsDailyAuthSchema,
  maxBodyBytes: 64 * 1024,
  limits: ({ user }) => [{ rule: 'aepsDailyAuth', key: user.id }],
  handler: async ({ body, user }) => aepsDailyAuth(agentOf(user), body),
});
