import type { zodResolver } from '@hookform/resolvers/zod';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';

// Validation code (a schema, zod with it, and for react-hook-form forms the zod resolver) fetched
// on first use instead of with the page: about 17 KiB gzip that no agent page needs before its
// first submit (issue 16, part 2). Forms start fetching it when the agent first types or taps in
// them (`preloadOnUse`), not when they mount: setting up zod's modules is a 60–140 ms task under
// Lighthouse's 4× CPU throttle, which at mount lands inside the page's load.
//
// If it cannot be fetched (the network dropped and the service worker has no copy yet) the form
// submits as typed rather than do nothing, and the route handler refuses what the schema would
// have; input that must not leave unchecked is refused in the form instead (`refuseUnchecked`).
// Forms shown after an action (the transfer OTP) may also preload at mount.

function lazily<T>(load: () => Promise<T>) {
  let loading: Promise<T> | null = null;
  // A failed fetch is not remembered: the next submit tries again.
  const get = () =>
    (loading ??= load().catch((error: unknown) => {
      loading = null;
      throw error;
    }));
  const preload = () => void get().catch(() => undefined);
  return { get, preload, preloadOnUse: { onInput: preload, onPointerDown: preload } };
}

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

/** The part of a zod schema a form without a form library uses. */
export interface SafeParser<Output> {
  safeParse(
    input: unknown,
  ): { success: true; data: Output } | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };
}

/** Each field's first message (a catalogue key), by the field's name. */
export type FieldMessages = Record<string, string>;

/**
 * A schema fetched on first use, for forms without a form library: `check` answers the parsed
 * values, or each field's first message, or `data: null` when the schema could not be fetched
 * (the form then sends what was typed, and the server's check answers).
 */
export function lazySchema<Output>(load: () => Promise<SafeParser<Output>>) {
  const { get, preload, preloadOnUse } = lazily(load);
  const check = async (input: unknown): Promise<{ ok: true; data: Output | null } | { ok: false; fields: FieldMessages }> => {
    let schema: SafeParser<Output>;
    try {
      schema = await get();
    } catch {
      return { ok: true, data: null };
    }
    const parsed = schema.safeParse(input);
    if (parsed.success) return { ok: true, data: parsed.data };
    // As lib/api/errors.ts's fieldsFromZod does for the handlers (that module carries both
    // catalogues, too heavy for a page): the first message per field.
    const fields: FieldMessages = {};
    for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '')] ??= issue.message;
    return { ok: false, fields };
  };
  return { check, preload, preloadOnUse };
}
