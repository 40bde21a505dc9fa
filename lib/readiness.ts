import 'server-only';
import { databaseAnswers } from '@/lib/db/client';
import { redisAnswers } from '@/lib/rate-limit/store';

// Readiness, for load balancers (GET /api/health/ready): can this instance serve an agent now?
// The database answers `select 1`, and Redis a PING where it holds the rate-limit counters. A
// Redis outage does not stop the app (counts fall back to each process's memory), but an instance
// that cannot reach it is reported, so the balancer can prefer one that can. Liveness
// (GET /api/health) stays free of both: a process that answers is alive, and restarting it would
// not bring the database back.

const DATABASE_TIMEOUT_MS = 2000;
const REDIS_TIMEOUT_MS = 1000;

type Check = 'ok' | 'down';

export interface Readiness {
  ok: boolean;
  checks: { database: Check; redis?: Check };
}

async function check(): Promise<Readiness> {
  const [database, redis] = await Promise.all([databaseAnswers(DATABASE_TIMEOUT_MS), redisAnswers(REDIS_TIMEOUT_MS)]);
  const checks: Readiness['checks'] = { database: database ? 'ok' : 'down' };
  if (redis !== null) checks.redis = redis ? 'ok' : 'down';
  return { ok: database && redis !== false, checks };
}

let inFlight: Promise<Readiness> | undefined;

/** One check at a time per process: probes arriving together share it, however many come. */
export function readiness(): Promise<Readiness> {
  inFlight ??= check().finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}
