import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SiteHeader } from "@/components/site-header";
import { UserMenu } from "@/components/user-menu";
import { requirePartnerUser } from "@/lib/auth/session";

const sections = [
  { href: "/dashboard", key: "dashboard" },
  { href: "/people", key: "people" },
  { href: "/exams", key: "exams" },
  { href: "/revenue", key: "revenue" },
  { href: "/submissions", key: "submissions" },
] as const;

/** A partner's workspace: only partner admins and employees get past requirePartnerUser. */
export default async function PartnerLayout({ children }: { children: ReactNode }) {
  const user = await requirePartnerUser();
  const t = await getTranslations("nav");
  const links =
    user.role === "partner_admin"
      ? [...sections, { href: "/team", key: "team" } as const, { href: "/audit", key: "audit" } as const]
      : sections;
  return (
    <>
      <SiteHeader>
        {links.map((link) => (
          <NavLink key={link.href} href={link.href}>
            {t(link.key)}
          </NavLink>
        ))}
        <UserMenu user={user} />
        <NotificationBell user={user} />
      </SiteHeader>
      <main id="content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
