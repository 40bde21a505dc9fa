import { type Locale, type MessageKey, type Messages, type MessageVars, fillTemplate } from './core';
import { en } from './en';
import { hi } from './hi';

// Both catalogues: for server code (pages, route handlers, the service worker's offline page).
// Client components import './core' and get their language's texts from I18nProvider.

export * from './core';

const catalogues: Record<Locale, Messages> = { en, hi };

/** One language's texts, e.g. for the root layout to hand to the browser. */
export const messagesFor = (locale: Locale): Messages => catalogues[locale];

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function translate(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return fillTemplate(catalogues[locale][key] ?? en[key], vars);
}

/** Translates a catalogue key; text that is not a key (e.g. Eko's own words) passes through. */
export const translateMaybe = (locale: Locale, keyOrText: string, vars?: MessageVars) =>
  isMessageKey(keyOrText) ? translate(locale, keyOrText, vars) : keyOrText;
