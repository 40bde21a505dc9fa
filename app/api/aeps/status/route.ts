import { aepsStatus } from '@/lib/aeps/service';
import { agentOf, route } from '@/lib/api/handler';

// GET /api/aeps/status – when the agent's one-time eKYC and last daily authentication happened
export const GET = route({ access: 'agent', handler: async ({ user }) => aepsStatus(agentOf(user)) });
