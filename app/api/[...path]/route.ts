import { ApiError } from '@/lib/api/errors';
import { errorResponse } from '@/lib/api/handler';

// Unknown /api/* paths answer in the error shape, never with an HTML page.
const notFound = async () => errorResponse(new ApiError('not_found'));
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
