import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { SessionUser } from "@/lib/auth/session";
import { SignOutButton } from "@/components/sign-out-button";

/** The signed-in user's name (role on hover) and signing out. */
export async function UserMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations();
  return (
    <div className="flex items-center gap-2">
      <span className="sr-only">{t("nav.signedInAs", { name: user.displayName })}</span>
      <Link
        href="/account"
        className="hidden text-sm whitespace-nowrap underline-offset-4 hover:underline sm:inline"
        title={t(`auth.roles.${user.role}`)}
        data-testid="signed-in-user"
      >
        {user.displayName}
      </Link>
      <SignOutButton label={t("nav.signOut")} />
    </div>
  );
}
