"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { isPublicPath, signInPath } from "@/lib/auth/paths";

/**
 * Next.js keeps recently visited pages mounted but hidden (React's Activity), with their
 * data and what was typed into them. Arriving at the sign-in page from a signed-in one
 * (signing out, everywhere, or after a new password) reloads the document, so nothing of one
 * person's session stays in the page the next person sees (Next's own advice for sign-out).
 */
export function FreshDocumentOnSignOut() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (pathname === signInPath && !isPublicPath(previous.current)) window.location.reload();
    previous.current = pathname;
  }, [pathname]);
  return null;
}
