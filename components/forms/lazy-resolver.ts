import type { FieldValues, Resolver } from 'react-hook-form';

/**
 * A react-hook-form resolver whose validation code (a schema, and zod with it) is fetched on first
 * use instead of with the page. Forms validate on submit; `preload`, called when the form mounts,
 * has it in place long before an agent can type a number and press Search.
 */
export function lazyResolver<Values extends FieldValues, Output = Values>(load: () => Promise<Resolver<Values, unknown, Output>>) {
  let loading: Promise<Resolver<Values, unknown, Output>> | null = null;
  const get = () => {
    // A failed fetch (the network dropped) is not remembered: the next submit tries again.
    loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  };
  const resolver: Resolver<Values, unknown, Output> = async (values, context, options) => {
    let validate: Resolver<Values, unknown, Output>;
    try {
      validate = await get();
    } catch {
      // The schema could not be fetched (no network, and no service worker copy yet): submit as
      // typed rather than do nothing. The route handler checks the same schema and answers with the
      // same field message, which the form shows.
      return { values: values as unknown as Output, errors: {} };
    }
    return validate(values, context, options);
  };
  return { resolver, preload: () => void get().catch(() => undefined) };
}
