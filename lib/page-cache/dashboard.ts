import "server-only";
import { randomBytes } from "node:crypto";
import type { NextRequest } from "next/server";
import { appConnection } from "@/db/client";
import { isSecureRequest } from "@/lib/auth/session-cookie";
import { verifiedSessionUserId } from "@/lib/auth/session-token";
import { today } from "@/lib/clock";
import { dashboardFingerprint } from "@/lib/data/dashboard";
import { localeCookie, visitorLocale } from "@/lib/i18n/locales";
import { isDocumentRequest, PageCache, type Renderer } from "./page-cache";

/**
 * The dashboard is the portal's heaviest page and the one opened most: it is rendered once
 * per state of what it shows and replayed from memory until that state changes.
 */

const renderHeader = "x-portal-page-render";
// Marks this server's own render requests, so that the proxy lets them through to Next.js.
const renderToken = randomBytes(16).toString("base64url");

export function isPageRender(request: Request): boolean {
  return request.headers.get(renderHeader) === renderToken;
}

/** Renders a page through this server itself (Next.js, past the proxy), uncompressed. */
const renderThroughServer: Renderer = async (request) => {
  const { pathname, search } = new URL(request.url);
  const headers = new Headers(request.headers);
  headers.set(renderHeader, renderToken);
  headers.set("accept-encoding", "identity");
  return fetch(`http://127.0.0.1:${process.env.PORT}${pathname}${search}`, { headers, redirect: "manual", cache: "no-store" });
};

const dashboardPages = new PageCache(renderThroughServer);

/** Only `next start` serves cached pages: in development the code behind a page changes. */
const enabled = () => process.env.NODE_ENV === "production" && process.env.PORT !== undefined && process.env.PAGE_CACHE !== "off";

/**
 * The signed-in dashboard from memory, or rendered and kept; null when this request must
 * go to Next.js as it is (not a document request, no valid session, no dashboard for this
 * user, or the render could not be reached). Pages, actions and data functions check the
 * session themselves whatever this does.
 */
export async function cachedDashboard(request: NextRequest): Promise<Response | null> {
  const { search } = request.nextUrl;
  if (!enabled() || isPageRender(request) || !isDocumentRequest(request) || search.length > 512) return null;
  try {
    const userId = await verifiedSessionUserId(request.cookies.getAll(), isSecureRequest(request.headers));
    if (!userId) return null;
    const day = today();
    const { db } = await appConnection();
    const fingerprint = await dashboardFingerprint(db, userId, day);
    if (!fingerprint) return null;
    const locale = visitorLocale(request.cookies.get(localeCookie)?.value, request.headers.get("accept-language"));
    return await dashboardPages.serve(request, [fingerprint, locale, day, search].join("\n"));
  } catch (error) {
    // The page itself will say what is wrong, or work: it does not depend on this cache.
    console.error("[page-cache] the dashboard could not be served from the cache; rendering it", error);
    return null;
  }
}
