import type en from "@/messages/en.json";
import type { Locale } from "./locales";

// Types next-intl's messages and locales: a missing or misspelt key fails the type check.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
