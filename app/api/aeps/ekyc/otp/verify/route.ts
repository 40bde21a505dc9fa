import { aepsVerifyOtp } from '@/lib/aeps/service';
import { route } from '@/lib/api/handler';
import { agentOf } from '@/lib/auth/agent';
import { aepsVerifyOtpSchema } from '@/lib/schemas/aeps';

// POST /api/aeps/ekyc/otp/verify – step 2: the OTP → new otp_ref_id / reference_tid
export const POST = route({
  access: 'agent',
  body: aepsVerifyOtpSchema,
  limits: ({ user }) => [{ rule: 'aepsOtpVerify', key: user.id }],
  handler: async ({ body, user }) => aepsVerifyOtp(agentOf(user), body),
});
