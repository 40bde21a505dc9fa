import { connection } from 'next/server';
import { jsonResponse, route } from '@/lib/api/handler';
import { SERVICE_RETRY_AFTER_SECONDS } from '@/lib/api/errors';
import { readiness } from '@/lib/readiness';

const ready = route({
  access: 'public',
  handler: async () => {
    const report = await readiness();
    return report.ok ? jsonResponse(report) : jsonResponse(report, 503, { 'retry-after': String(SERVICE_RETRY_AFTER_SECONDS) });
  },
});

// GET /api/health/ready – readiness for load balancers: 200 while the database (and Redis, when
// it holds the rate-limit counters) answer, else 503 naming what is down (lib/readiness.ts).
// connection() keeps it from being prerendered at build time, as for /api/health.
export async function GET(req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  return ready(req, ctx);
}
