import { aepsSendOtp } from '@/lib/aeps/service';
import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { aepsSendOtpSchema } from '@/lib/schemas/aeps';

// POST /api/aeps/ekyc/otp – one-time eKYC, step 1: send an OTP to the agent's mobile
// The OTP goes to the agent's own mobile: the agent is the one budget.
export const POST = route({
  access: 'agent',
  body: aepsSendOtpSchema,
  limits: ({ user }) => [{ rule: 'aepsOtpSend', key: user.id }],
  handler: async ({ body, user }) => aepsSendOtp(agentOf(user), body),
});
