import { activityPage } from '@/lib/admin/loaders';
import { route } from '@/lib/api/handler';
import { activityFilterSchema } from '@/lib/schemas/admin';

// GET /api/admin/activity – the audit trail, filtered and paginated
export const GET = route({
  access: 'admin',
  query: activityFilterSchema,
  handler: async ({ query }) => activityPage(query),
});
