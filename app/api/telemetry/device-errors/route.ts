import { jsonResponse, route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { recordDeviceError } from '@/lib/db/queries/metrics';
import { deviceErrorRecord } from '@/lib/rd/telemetry';
import { deviceErrorSchema } from '@/lib/schemas/admin';

// POST /api/telemetry/device-errors – a failed fingerprint capture: our code and message for it,
// the stage and the scrubbed scanner model (lib/rd/telemetry.ts); never PID or device free text
export const POST = route({
  access: 'agent',
  body: deviceErrorSchema,
  maxBodyBytes: 2048,
  limits: ({ user }) => [{ rule: 'deviceErrorsPerAgent', key: user.id }],
  handler: async ({ body, user }) => {
    await recordDeviceError(await getDb(), user.id, deviceErrorRecord(body));
    return jsonResponse({ ok: true }, 202);
  },
});
