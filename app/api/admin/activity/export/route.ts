import { csvStream } from '@/lib/admin/csv';
import { route } from '@/lib/api/handler';
import { activityForExport } from '@/lib/admin/loaders';
import { todayInIndia } from '@/lib/schemas/sender';
import { activityFilterSchema } from '@/lib/schemas/admin';

// GET /api/admin/activity/export – the filtered audit trail as CSV, streamed
export const GET = route({
  access: 'admin',
  query: activityFilterSchema,
  handler: async ({ query }) =>
    new Response(csvStream(await activityForExport(query)), {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="agent-desk-activity-${todayInIndia()}.csv"`,
        'cache-control': 'no-store',
      },
    }),
});
