import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NavLink } from "@/components/nav-link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { SiteHeader } from "@/components/site-header";
import { UserMenu } from "@/components/user-menu";
import { landingPath } from "@/lib/auth/paths";
import type { SessionUser } from "@/lib/auth/session-user";

/** The header and page frame of the program's staff: reviewers work the queue, program administrators the versions. */
export async function ProgramShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const t = await getTranslations("nav");
  return (
    <>
      <SiteHeader
        home={landingPath(user.role)}
        links={
          <>
            {user.role === "reviewer" && <NavLink href="/review">{t("queue")}</NavLink>}
            <NavLink href="/program" except={["/program/versions"]}>
              {t("program")}
            </NavLink>
            <NavLink href="/program/versions">{t("versions")}</NavLink>
            <NavLink href="/audit">{t("audit")}</NavLink>
          </>
        }
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
