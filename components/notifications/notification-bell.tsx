import { Bell } from "lucide-react";
import type { Messages } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { buttonVariants } from "@/components/ui/button";
import { appConnection } from "@/db/client";
import { openNotification, readAllNotifications } from "@/lib/actions/notifications";
import type { SessionUser } from "@/lib/auth/session-user";
import { cn } from "@/lib/cn";
import { listNotifications } from "@/lib/data/notifications";
import { alertWords } from "@/lib/i18n/alert-words";
import { formatDate, formatInstant } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

type NotificationItem = keyof Messages["notifications"]["items"];

const panelId = "notifications";

/**
 * The bell and the signed-in user's latest notifications, worded in their language. The panel
 * is the browser's own popover (light dismiss, Escape) and each entry a form: it works with
 * JavaScript off and ships none. Choosing an entry marks it read and opens its submission.
 */
export async function NotificationBell({ user }: { user: SessionUser }) {
  const { db } = await appConnection();
  const [{ items, unread }, t, locale] = await Promise.all([
    listNotifications(db, user.id),
    getTranslations("notifications"),
    getLocale() as Promise<Locale>,
  ]);
  // Each form's outcome is the page it leads to (the submission, or this page refreshed).
  const open = openNotification.bind(null, null) as (formData: FormData) => Promise<unknown> as (formData: FormData) => Promise<void>;
  const readAll = readAllNotifications as (formData: FormData) => Promise<unknown> as (formData: FormData) => Promise<void>;
  return (
    <>
      <button
        type="button"
        popoverTarget={panelId}
        aria-label={`${t("title")}: ${t("unread", { count: unread })}`}
        className={cn(buttonVariants({ variant: "ghost", size: "icon-sm" }), "relative")}
        data-testid="notification-bell"
      >
        <Bell aria-hidden />
        {unread > 0 && (
          <span
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-destructive px-1 dark:bg-red-700 text-[10px] leading-4 font-semibold text-white"
            data-testid="notification-count"
          >
            {unread}
          </span>
        )}
      </button>
      <div id={panelId} popover="auto" className="header-panel w-80" aria-label={t("title")}>
        <p className="px-2 py-1.5 text-sm font-medium">{t("title")}</p>
        <div className="-mx-1 my-1 h-px bg-border" />
        {items.length === 0 ? (
          <p className="px-2 py-1.5 text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          <ul>
            {items.map((item) => (
              <li key={item.id}>
                <form action={open}>
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="header-panel-item flex-col items-start gap-0.5">
                    <span className={cn("text-sm", item.readAt === null && "font-semibold")}>
                      {item.webhookPaused
                        ? t("items.webhookPaused", { url: item.webhookPaused.url })
                        : item.programChange
                          ? t("items.programChanged", {
                              organization: item.organizationName,
                              version: item.programChange.versionId,
                              from: tierTitle(item.programChange.differences[0]?.current ?? "", locale, t("noTier")),
                              to: tierTitle(item.programChange.differences[0]?.draft ?? "", locale, t("noTier")),
                              date: formatDate(
                                item.programChange.differences[0]?.from ?? item.createdAt.toISOString().slice(0, 10),
                                locale,
                              ),
                            })
                          : item.alert
                            ? alertWords(locale).subject({ ...item.alert, tier: item.tier }, item.organizationName)
                            : t(`items.${item.kind.replace("submission.", "") as NotificationItem}`, {
                                organization: item.organizationName,
                                tier: tierTitle(item.tier ?? "", locale, item.tier ?? ""),
                              })}
                    </span>
                    <span className="text-xs text-muted-foreground">{formatInstant(item.createdAt, locale)}</span>
                  </button>
                </form>
              </li>
            ))}
          </ul>
        )}
        {unread > 0 && (
          <form action={readAll}>
            <div className="-mx-1 my-1 h-px bg-border" />
            <button type="submit" className="header-panel-item">
              {t("markAllRead")}
            </button>
          </form>
        )}
      </div>
    </>
  );
}
