import type { Messages } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/rules";
import { formatInstant } from "@/lib/i18n/format";

/** Who did what to a submission, and when: its audit events in order. */
export async function HistoryList({
  events,
}: {
  events: Array<{ id: string; createdAt: Date; action: string; actorName: string | null }>;
}) {
  const [t, locale] = await Promise.all([getTranslations("submissions"), getLocale() as Promise<Locale>]);
  return (
    <ol className="space-y-2 text-sm" data-testid="submission-history">
      {events.map((event) => {
        const key = `events.${event.action.replace("submission.", "")}` as `events.${keyof Messages["submissions"]["events"]}`;
        return (
          <li key={event.id} className="flex flex-wrap gap-2">
            <time className="text-muted-foreground tabular-nums">{formatInstant(event.createdAt, locale)}</time>
            <span className="font-medium">{t.has(key) ? t(key) : event.action}</span>
            {event.actorName && <span className="text-muted-foreground">— {event.actorName}</span>}
          </li>
        );
      })}
    </ol>
  );
}
