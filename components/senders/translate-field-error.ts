import { isMessageKey, type MessageKey, type MessageVars } from '@/lib/i18n';

/** Schema messages are catalogue keys; server field messages arrive already in words. */
export function fieldError(t: (key: MessageKey, vars?: MessageVars) => string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return isMessageKey(message) ? t(message) : message;
}
