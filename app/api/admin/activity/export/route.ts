import { ACTIVITY_COLUMNS, csvResponse } from '@/lib/admin/csv';
import { route } from '@/lib/api/handler';
import { activityForExport } from '@/lib/admin/loaders';
import { todayInIndia } from '@/lib/schemas/sender';
import { activityFilterSchema } from '@/lib/schemas/admin';

// GET /api/admin/activity/export – the filtered audit trail as CSV, streamed
export const GET = route({
  access: 'admin',
  query: activityFilterSchema,
  handler: async ({ query }) => csvResponse('activity', todayInIndia(), ACTIVITY_COLUMNS, await activityForExport(query)),
});
