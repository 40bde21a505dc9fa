import { activeLockouts } from '@/lib/admin/loaders';
import { route } from '@/lib/api/handler';

// GET /api/admin/lockouts – sign-in lockouts in force
export const GET = route({ access: 'admin', handler: async () => ({ lockouts: await activeLockouts() }) });
