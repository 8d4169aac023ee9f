"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { isPublicPath } from "@/lib/auth/paths";

/**
 * Next.js keeps recently visited pages mounted but hidden (React's Activity), with their
 * data and what was typed into them. Arriving at a signed-out page (sign-in, after signing
 * out or a new password) from a signed-in one reloads the document, so nothing of one
 * person's session stays in the page the next person sees (Next's own advice for sign-out).
 */
export function FreshDocumentOnSignOut() {
  const pathname = usePathname();
  const previous = useRef(pathname);
  useEffect(() => {
    if (!isPublicPath(previous.current) && isPublicPath(pathname)) window.location.reload();
    previous.current = pathname;
  }, [pathname]);
  return null;
}
