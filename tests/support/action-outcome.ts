import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isHTTPAccessFallbackError } from "next/dist/client/components/http-access-fallback/http-access-fallback";
import type { ActionResult } from "@/lib/actions/action";

/** What calling an action amounted to: its result, a redirect(), or a notFound(). */
export type Settled<T> = { kind: "result"; result: ActionResult<T> } | { kind: "redirect"; url: string } | { kind: "not_found_page" };

export async function settle<T>(call: Promise<ActionResult<T>>): Promise<Settled<T>> {
  try {
    return { kind: "result", result: await call };
  } catch (error) {
    if (isRedirectError(error)) return { kind: "redirect", url: getURLFromRedirectError(error) };
    if (isHTTPAccessFallbackError(error)) return { kind: "not_found_page" };
    throw error;
  }
}

/** "ok", an ActionResult error code, "redirect" or "not_found_page". */
export function outcome(settled: Settled<unknown>): string {
  if (settled.kind !== "result") return settled.kind;
  return settled.result.ok ? "ok" : settled.result.error;
}
