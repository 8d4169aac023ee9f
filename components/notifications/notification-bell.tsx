import type { Messages } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { appConnection } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { listNotifications } from "@/lib/data/notifications";
import type { Locale } from "@/lib/rules";
import { NotificationMenu } from "./notification-menu";
import { formatInstant } from "@/lib/i18n/format";

type NotificationItem = keyof Messages["notifications"]["items"];

/** The signed-in user's notifications, worded in their language, for the header. */
export async function NotificationBell({ user }: { user: SessionUser }) {
  const { db } = await appConnection();
  const [{ items, unread }, t, locale] = await Promise.all([
    listNotifications(db, user.id),
    getTranslations("notifications"),
    getLocale() as Promise<Locale>,
  ]);
  return (
    <NotificationMenu
      unread={unread}
      items={items.map((item) => ({
        id: item.id,
        text: t(`items.${item.kind.replace("submission.", "") as NotificationItem}`, {
          organization: item.organizationName,
          tier: tierTitle(item.tier, locale, item.tier),
        }),
        when: formatInstant(item.createdAt, locale),
        unread: item.readAt === null,
      }))}
      labels={{ title: t("title"), unread: t("unread", { count: unread }), empty: t("empty"), markAllRead: t("markAllRead") }}
    />
  );
}
