import { type AbstractIntlMessages, createTranslator } from "use-intl/core";
import type { AlertDetails } from "@/db/schema";
import { tierTitle } from "@/components/competency/definition-text";
import { type AlertKind, type Locale } from "@/lib/rules";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { formatDate, formatList } from "./format";

/** An alert as its sentence needs it: what the watch stored when it raised it. */
export interface AlertFacts {
  kind: string;
  tier: string | null;
  dueOn: string | null;
  threshold: number | null;
  details: AlertDetails;
}

const catalogs: Record<Locale, AbstractIntlMessages> = { en, fr };

/**
 * Alerts of one kind about one tier and one day said as one: the people who each alone hold
 * a slot make one sentence, not one each. Order is kept, by first appearance.
 */
export function groupAlerts<A extends AlertFacts>(alerts: readonly A[]): (A & { ids: string[] })[] {
  const groups = new Map<string, A & { ids: string[] }>();
  for (const alert of alerts) {
    const id = (alert as { id?: string }).id ?? "";
    const key = alert.kind === "sole-holder" ? `${alert.kind} ${alert.tier} ${alert.dueOn}` : `${id} ${groups.size}`;
    const group = groups.get(key);
    if (group) {
      group.details = { ...group.details, personNames: [...(group.details.personNames ?? []), ...(alert.details.personNames ?? [])] };
      group.ids.push(id);
    } else groups.set(key, { ...alert, details: { ...alert.details }, ids: [id] });
  }
  for (const group of groups.values()) group.details.personNames?.sort((a, b) => a.localeCompare(b));
  return [...groups.values()];
}

/** The alerts' words in `locale`, outside a request (emails) as on the pages. */
export function alertWords(locale: Locale) {
  // Keys are picked at run time from the alert's kind, so the catalogue is taken untyped.
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "alerts" }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const values = (alert: AlertFacts, organization: string) => ({
    organization,
    tier: tierTitle(alert.tier ?? "", locale, alert.tier ?? ""),
    date: alert.dueOn ? formatDate(alert.dueOn, locale, "long") : "",
    threshold: alert.threshold ?? 0,
    person: formatList(alert.details.personNames ?? [], locale),
    count: alert.details.personNames?.length ?? 0,
    exam: alert.details.examCode ?? "",
  });
  return {
    t,
    sentence: (alert: AlertFacts, organization: string) => t(`sentences.${alert.kind}`, values(alert, organization)),
    subject: (alert: AlertFacts, organization: string) => t(`subjects.${alert.kind}`, values(alert, organization)),
    kind: (kind: AlertKind) => t(`kinds.${kind}`),
  };
}
