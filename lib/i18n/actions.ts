"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { appConnection } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { setUserLocale } from "@/lib/data/users";
import { localeCookie, locales } from "./locales";

const setLocaleInput = z.object({ locale: z.enum(locales) });

/**
 * Remembers the visitor's language for a year; open to everyone, signed in or not. A
 * signed-in user's choice is also their emails' language.
 */
export async function setLocale(formData: FormData): Promise<void> {
  const parsed = setLocaleInput.safeParse({ locale: formData.get("locale") });
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data.locale, {
    path: "/",
    maxAge: 60 * 60 * 24 * 365,
    sameSite: "lax",
    httpOnly: true,
  });
  const user = await currentUser();
  if (user) await setUserLocale((await appConnection()).db, user.id, parsed.data.locale);
}
