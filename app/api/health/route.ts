import { connection } from 'next/server';

// GET /api/health – liveness for the start script, Playwright and load balancers
export async function GET() {
  await connection();
  return Response.json({ ok: true }, { headers: { 'cache-control': 'no-store' } });
}
