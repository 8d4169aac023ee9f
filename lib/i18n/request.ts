import { cookies, headers } from "next/headers";
import type { Messages } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, type Locale, visitorLocale } from "./locales";

export async function requestLocale(): Promise<Locale> {
  const [cookieStore, incoming] = await Promise.all([cookies(), headers()]);
  return visitorLocale(cookieStore.get(localeCookie)?.value, incoming.get("accept-language"));
}

export default getRequestConfig(async () => {
  const locale = await requestLocale();
  const messages = ((await import(`../../messages/${locale}.json`)) as { default: Messages }).default;
  return { locale, messages, timeZone: "UTC" };
});
