import { jsonResponse, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { recordDeviceError } from '@/lib/db/queries/metrics';
import { deviceErrorSchema } from '@/lib/schemas/admin';

// POST /api/telemetry/device-errors – a failed fingerprint capture (RD errCode only, never PID)
export const POST = route({
  access: 'agent',
  body: deviceErrorSchema,
  maxBodyBytes: 2048,
  handler: async ({ body, user }) => {
    await recordDeviceError(await getDb(), user.id, body);
    return jsonResponse({ ok: true }, 202);
  },
});
