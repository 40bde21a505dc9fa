import { liftSignInLockout } from '@/lib/admin/agents';
import { route } from '@/lib/api/handler';
import { liftLockoutSchema } from '@/lib/schemas/admin';

// POST /api/admin/lockouts/lift – lifts one sign-in lockout before it runs out
export const POST = route({
  access: 'admin',
  body: liftLockoutSchema,
  limits: ({ user }) => [{ rule: 'adminWrite', key: user.id }],
  auditRefusalsAs: 'admin.lockout_clear',
  handler: async ({ req, body, user }) => liftSignInLockout({ req, admin: user }, body.key),
});
