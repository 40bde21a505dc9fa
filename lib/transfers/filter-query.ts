// Kept apart from lib/schemas/transfer.ts (zod): the history pages' code builds these links and
// API calls, and importing it from the schemas put zod (~17 KiB gzip) in the sender desk's first
// load through the transfers hooks (issue 16, part 2).

/** Filters back into a query string, in a fixed order (links, the API call, the CSV link); blank ones left out. */
export function filterQuery(filters: Partial<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const key of ['agent', 'state', 'kind', 'from', 'to', 'min', 'max', 'page'])
    if (filters[key] !== undefined && filters[key] !== '' && !(key === 'page' && filters[key] === 1)) params.set(key, String(filters[key]));
  return params.toString();
}
