import { ApiError } from '@/lib/api/errors';
import { route } from '@/lib/api/handler';

// Unknown /api/* paths answer in the error shape, never with an HTML page (and, through the
// wrapper, with a request id and a log line like every other answer).
const notFound = route({
  access: 'public',
  handler: async () => {
    throw new ApiError('not_found');
  },
});
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
