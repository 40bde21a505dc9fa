import { route } from '@/lib/api/handler';
import { getDb } from '@/lib/db/client';
import { listActivity } from '@/lib/db/queries/activity';
import { activityFilterSchema } from '@/lib/schemas/admin';

// GET /api/admin/activity – the audit trail, filtered and paginated
export const GET = route({
  access: 'admin',
  query: activityFilterSchema,
  handler: async ({ query }) => listActivity(await getDb(), query),
});
