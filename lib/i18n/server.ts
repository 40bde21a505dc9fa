import 'server-only';
import { cookies } from 'next/headers';
import { type Locale, LOCALE_COOKIE, type MessageKey, type MessageVars, parseLocale, translate } from './index';

/** The language of the current page request. */
export async function requestLocale(): Promise<Locale> {
  return parseLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

/** For server components: the request's locale and a bound translate. */
export async function serverI18n(): Promise<{ locale: Locale; t: (key: MessageKey, vars?: MessageVars) => string }> {
  const locale = await requestLocale();
  return { locale, t: (key, vars) => translate(locale, key, vars) };
}

/** For pages' generateMetadata: a translated title. */
export async function titleFor(key: MessageKey): Promise<{ title: string }> {
  return { title: translate(await requestLocale(), key) };
}
