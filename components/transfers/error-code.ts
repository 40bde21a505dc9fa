import { ApiClientError } from '@/lib/api/client';

/** The code of a failed call, as a plain string: the money codes are the lead's table's, compared by name. */
export const errorCode = (error: unknown): string => (error instanceof ApiClientError ? error.code : 'network');
