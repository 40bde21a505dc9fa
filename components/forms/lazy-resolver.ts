import type { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import { lazily } from './lazy-validation';

// lazy-validation.ts for react-hook-form forms (the eKYC steps): the resolver and its zod schema
// fetched on first use. Apart from lazySchema so that pages whose forms use no library do not
// carry the way to load react-hook-form's resolvers.

/**
 * A react-hook-form resolver whose schema is fetched on first use. `refuseUnchecked` names the
 * field that says "no connection" instead of sending unchecked input when the schema cannot be
 * fetched: for what must never leave unchecked (an Aadhaar number is sealed on this page, and
 * the server can only refuse it after the fact).
 */
export function lazyResolver<Values extends FieldValues, Output = Values>(
  load: () => Promise<Resolver<Values, unknown, Output>>,
  refuseUnchecked?: keyof Values & string,
) {
  const { get, preload, preloadOnUse } = lazily(load);
  const resolver: Resolver<Values, unknown, Output> = async (values, context, options) => {
    let validate: Resolver<Values, unknown, Output>;
    try {
      validate = await get();
    } catch {
      if (refuseUnchecked) return { values: {}, errors: { [refuseUnchecked]: { type: 'network', message: 'errors.network' } } as FieldErrors<Values> };
      return { values: values as unknown as Output, errors: {} };
    }
    return validate(values, context, options);
  };
  return { resolver, preload, preloadOnUse };
}

type ZodResolver = typeof zodResolver;

/**
 * lazyResolver for a zod schema: `build` gets zodResolver and imports the schema's module, e.g.
 * `lazyZodResolver((zodResolver) => import('@/lib/schemas/aeps').then((m) => zodResolver(m.aepsCustomerFormSchema)))`.
 */
export const lazyZodResolver = <Values extends FieldValues, Output>(
  build: (zodResolver: ZodResolver) => Promise<Resolver<Values, unknown, Output>>,
  refuseUnchecked?: keyof Values & string,
) => lazyResolver(() => import('@hookform/resolvers/zod').then((m) => build(m.zodResolver)), refuseUnchecked);
