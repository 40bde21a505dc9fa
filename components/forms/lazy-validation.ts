// Validation code (a schema, zod with it, and for react-hook-form forms the zod resolver) fetched
// on first use instead of with the page: about 17 KiB gzip that no agent page needs before its
// first submit (issue 16, part 2). Forms start fetching it when the agent first types or taps in
// them (`preload` on input and pointer-down), not when they mount: setting up zod's modules is a
// 60–140 ms task under Lighthouse's 4× CPU throttle, which at mount lands inside the page's load.
//
// If it cannot be fetched (the network dropped and the service worker has no copy yet) most forms
// submit as typed rather than do nothing, and the route handler refuses what the schema would
// have; input that must not leave unchecked is refused in the form instead (the AePS customer's
// details, which are sealed with the Aadhaar next; `refuseUnchecked` in lazy-resolver.ts, the
// same for react-hook-form's resolvers). Forms shown after an action (the transfer OTP) may
// also preload at mount.

/** A load done once, on first use; `preloadOnUse` starts it on a form's first keystroke or tap. */
export function lazily<T>(load: () => Promise<T>) {
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
 * (the form then sends what was typed, and the server's check answers; or refuses, see above).
 */
export function lazySchema<Output>(load: () => Promise<SafeParser<Output>>) {
  const { get, preload } = lazily(load);
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
  return { check, preload };
}
