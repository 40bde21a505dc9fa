import { jsonResponse, route } from '@/lib/api/handler';
import { keepDeviceErrorReport } from '@/lib/telemetry/device-errors';
import { deviceErrorSchema } from '@/lib/schemas/admin';

// POST /api/telemetry/device-errors – a failed fingerprint capture: our code and message for it,
// the stage and the scrubbed scanner model (lib/telemetry/device-errors.ts); never PID or device free text
export const POST = route({
  access: 'agent',
  body: deviceErrorSchema,
  maxBodyBytes: 2048,
  limits: ({ user }) => [{ rule: 'deviceErrorsPerAgent', key: user.id }],
  handler: async ({ body, user }) => {
    await keepDeviceErrorReport(user.id, body);
    return jsonResponse({ ok: true }, 202);
  },
});
