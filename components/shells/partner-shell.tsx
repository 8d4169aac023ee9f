import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SiteHeader } from "@/components/site-header";
import { UserMenu } from "@/components/user-menu";
import { landingPath } from "@/lib/auth/paths";
import type { SessionUser } from "@/lib/auth/session-user";

const sections = [
  { href: "/dashboard", key: "dashboard" },
  { href: "/people", key: "people" },
  { href: "/exams", key: "exams" },
  { href: "/revenue", key: "revenue" },
  { href: "/submissions", key: "submissions" },
] as const;

const adminSections = [
  ...sections,
  { href: "/team", key: "team" },
  { href: "/integrations", key: "integrations" },
  { href: "/audit", key: "audit" },
] as const;

/** A partner's header and page frame; admins also see their team and audit trail. */
export async function PartnerShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getTranslations("nav");
  const links = user.role === "partner_admin" ? adminSections : sections;
  return (
    <>
      <SiteHeader
        home={landingPath(user.role)}
        links={links.map((link) => (
          <NavLink key={link.href} href={link.href}>
            {t(link.key)}
          </NavLink>
        ))}
        actions={
          <>
            <UserMenu user={user} />
            <NotificationBell user={user} />
          </>
        }
      />
      <main id="content" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
