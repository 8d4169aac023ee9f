"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A header link that marks the section being viewed (aria-current) for eyes and screen
 * readers; `.nav-link` (app/globals.css) styles both states. A section whose pages include
 * another link's (`/program` holds `/program/versions`) names those in `except`.
 */
export function NavLink({ href, except = [], children }: { href: string; except?: readonly string[]; children: string }) {
  const pathname = usePathname();
  const within = (path: string) => pathname === path || pathname.startsWith(`${path}/`);
  const current = within(href) && !except.some(within);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className="nav-link"
      // On a phone the links sit in the header's popover: choosing one closes it.
      onClick={(event) => event.currentTarget.closest<HTMLElement>("[popover]")?.hidePopover()}
    >
      {children}
    </Link>
  );
}
