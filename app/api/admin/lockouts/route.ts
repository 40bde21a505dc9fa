import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listActiveLockouts } from '@/lib/db/queries/lockouts';

// GET /api/admin/lockouts – sign-in lockouts in force
export const GET = route({ access: 'admin', handler: async () => ({ lockouts: await listActiveLockouts(await getDb()) }) });
