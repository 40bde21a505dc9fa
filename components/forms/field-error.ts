/**
 * A form field's message in words: schema messages are catalogue keys, server field messages
 * arrive already in words. `tMaybe` comes from useI18n().
 */
export function fieldError(tMaybe: (keyOrText: string) => string, message: string | undefined): string | undefined {
  return message ? tMaybe(message) : undefined;
}
