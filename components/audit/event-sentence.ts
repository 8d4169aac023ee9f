import { createTranslator } from "next-intl";
import { tierTitle } from "@/components/competency/definition-text";
import type { AuditEventRow } from "@/lib/data/audit-log";
import { type AuditSubject, subjectKey } from "@/lib/data/audit-subjects";
import type { Locale } from "@/lib/i18n/locales";
import { elideFrench, formatDate, formatMoney } from "@/lib/i18n/format";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/** The audit namespace's and the products' messages, looked up by keys chosen at run time. */
export interface AuditWords {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const catalogs = { en, fr };

/**
 * The words describeEvent needs in `locale`: the audit messages and the product names, looked
 * up by keys the events choose at run time (so built from the catalogue, which also works in
 * a route handler and a test). `reviewer` reads the program's trail; of its readers, only those
 * who `opensReviews` (reviewers, not program administrators) get links to the review's cases.
 */
export function auditWordsIn(locale: Locale, { reviewer, opensReviews = reviewer }: { reviewer: boolean; opensReviews?: boolean }) {
  const words = (namespace: "audit" | "revenue.products") =>
    createTranslator({ locale, messages: catalogs[locale], namespace }) as unknown as AuditWords;
  return { t: words("audit"), products: words("revenue.products"), locale, reviewer, opensReviews };
}

export interface EventDescription {
  /** "Rita Reviewer rejected revenue line CTS-INV-1001 (Northwind Traders): customer not DPOR-associated." */
  sentence: string;
  /** Each changed field, labelled, as old → new. */
  changes: string[];
  /** Where the record can be seen, for this reader; null when it has no page. */
  href: string | null;
}

/** Fields an audit change lists, in this order; ids, versions and timestamps are left out. */
const shownFields = [
  "name",
  "email",
  "mcid",
  "leftOn",
  "reference",
  "customerName",
  "product",
  "amountCents",
  "bookedOn",
  "dporAssociated",
  "examCode",
  "passedOn",
  "certificationRef",
] as const;

const dateFields = new Set(["leftOn", "bookedOn", "passedOn"]);

function stateOf(value: unknown): Record<string, unknown> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function fieldValue(field: string, value: unknown, t: AuditWords, products: AuditWords, locale: Locale): string {
  if (value === null || value === undefined || value === "") return t("empty");
  if (field === "amountCents" && typeof value === "number") return formatMoney(value, locale);
  if (dateFields.has(field) && typeof value === "string") return formatDate(value, locale);
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  if (field === "product" && typeof value === "string" && products.has(value)) return products(value);
  return typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value);
}

/** The fields an update changed, `Name: Hana Sato → Hana Satō`, when the event kept both states. */
function changesOf(event: AuditEventRow, t: AuditWords, products: AuditWords, locale: Locale): string[] {
  const before = stateOf(event.before);
  const after = stateOf(event.after);
  if (!before || !after) return [];
  return shownFields
    .filter((field) => field in after && JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null))
    .map((field) =>
      t("change", {
        field: t(`fields.${field}`),
        from: fieldValue(field, before[field], t, products, locale),
        to: fieldValue(field, after[field], t, products, locale),
      }),
    );
}

function subjectName(subject: AuditSubject | undefined, t: AuditWords, locale: Locale): string {
  switch (subject?.kind) {
    case "revenue_line":
      return subject.customer
        ? t("subjects.revenue_line", { reference: subject.reference, customer: subject.customer })
        : t("subjects.revenue_line_bare", { reference: subject.reference });
    case "exam_pass":
      return subject.personName
        ? t("subjects.exam_pass", { code: subject.code, person: subject.personName })
        : t("subjects.exam_pass_bare", { code: subject.code });
    case "person":
      return subject.name;
    case "submission":
      return t("subjects.submission", { tier: tierTitle(subject.tier, locale, subject.tier) });
    case "user":
      return subject.name;
    case "invitation":
      return subject.email;
    case "api_token":
      return t("subjects.api_token", { name: subject.name });
    case "webhook_endpoint":
      return subject.url;
    case "table":
      return t.has(`subjects.tables.${subject.table}`) ? t(`subjects.tables.${subject.table}`) : subject.table;
    default:
      return t("subjects.unknown");
  }
}

function hrefOf(subject: AuditSubject | undefined, reviewer: boolean, opensReviews: boolean): string | null {
  switch (subject?.kind) {
    case "person":
      return reviewer ? null : `/people/${subject.id}`;
    case "exam_pass":
      return reviewer || !subject.personId ? null : `/people/${subject.personId}`;
    case "revenue_line":
      return reviewer ? null : `/revenue?q=${encodeURIComponent(subject.reference)}`;
    case "submission":
      if (!reviewer) return `/submissions/${subject.id}`;
      return opensReviews ? `/review/${subject.id}` : null;
    default:
      return null;
  }
}

/** One audit event as a sentence in the reader's language, with its changes and a link to the record. */
export function describeEvent(
  event: AuditEventRow,
  subjects: ReadonlyMap<string, AuditSubject>,
  {
    t,
    products,
    locale,
    reviewer,
    opensReviews,
  }: { t: AuditWords; products: AuditWords; locale: Locale; reviewer: boolean; opensReviews: boolean },
): EventDescription {
  const subject = subjects.get(subjectKey(event));
  const actor = event.actorName ?? (event.actorTokenName ? t("tokenActor", { name: event.actorTokenName }) : t("system"));
  let name = subjectName(subject, t, locale);
  if (event.action.startsWith("evidence.")) {
    name = t(event.entityType === "exam_pass" ? "subjects.evidence_exam_pass" : "subjects.evidence_revenue_line", { subject: name });
  }
  const key = `events.${event.action}`;
  let sentence = t.has(key) ? t(key, { actor, subject: name }) : t("events.other", { actor, action: event.action, subject: name });
  if (locale === "fr") sentence = elideFrench(sentence);
  const reason = stateOf(event.after)?.reason ?? stateOf(event.after)?.message;
  if (typeof reason === "string" && reason.trim()) sentence = t("because", { sentence, reason: reason.trim() });
  return {
    sentence: t("sentenceEnd", { sentence }),
    changes: changesOf(event, t, products, locale),
    href: hrefOf(subject, reviewer, opensReviews),
  };
}
