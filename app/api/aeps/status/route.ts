import { aepsStatus } from '@/lib/aeps/service';
import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';

// GET /api/aeps/status – when the agent's one-time eKYC and last daily authentication happened
export const GET = route({ access: 'agent', handler: async ({ user }) => aepsStatus(agentOf(user)) });
