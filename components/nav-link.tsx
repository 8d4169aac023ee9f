"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/**
 * A header link that marks the section being viewed (aria-current) for eyes and screen
 * readers; `.nav-link` (app/globals.css) styles both states.
 */
export function NavLink({ href, children }: { href: string; children: string }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
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
