import { cookies, headers } from "next/headers";
import type { Messages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { isLocale, localeCookie, type Locale, visitorLocale } from "./locales";

export async function requestLocale(): Promise<Locale> {
  const [cookieStore, incoming] = await Promise.all([cookies(), headers()]);
  return visitorLocale(cookieStore.get(localeCookie)?.value, incoming.get("accept-language"));
}

// A locale given explicitly (getTranslations({ locale })) reads no cookie, so cached
// components ('use cache') can be translated.
export default getRequestConfig(async ({ locale: given }) => {
  const locale = isLocale(given) ? given : await requestLocale();
  const messages = ((await import(`../../messages/${locale}.json`)) as { default: Messages }).default;
  return { locale, messages, timeZone: "UTC" };
});
