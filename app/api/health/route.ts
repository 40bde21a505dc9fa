import { connection } from 'next/server';
import { route } from '@/lib/api/handler';

const health = route({ access: 'public', handler: async () => ({ ok: true }) });

// GET /api/health – liveness for the start script, Playwright and load balancers: the process
// answers. Nothing is checked (no database, no Redis), so an outage there never gets a healthy
// process restarted; readiness is GET /api/health/ready.
// connection() comes first, before the wrapper reads the request, so the answer is never
// prerendered at build time.
export async function GET(req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  return health(req, ctx);
}
