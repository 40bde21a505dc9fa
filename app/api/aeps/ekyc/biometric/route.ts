import { aepsBiometricEkyc } from '@/lib/aeps/service';
import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { aepsBiometricSchema } from '@/lib/schemas/aeps';

// POST /api/aeps/ekyc/biometric – step 3: the agent's fingerprint (eKYC wadh) → eKYC done
export const POST = route({
  access: 'agent',
  body: aepsBiometricSchema,
  maxBodyBytes: 64 * 1024,
  limits: ({ user }) => [{ rule: 'aepsBiometric', key: user.id }],
  handler: async ({ body, user }) => aepsBiometricEkyc(agentOf(user), body),
});
