import { type AbstractIntlMessages, createTranslator } from "use-intl/core";
import { tierTitle } from "@/components/competency/definition-text";
import type { EvidenceKind } from "@/db/schema";
import type { AuditPackRecord } from "@/lib/data/audit-pack";
import { formatDate, formatInstant, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { AuditPackContents } from "./contents";

const catalogs: Record<Locale, AbstractIntlMessages> = { en, fr };

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const style = `
  body { font: 14px/1.5 system-ui, sans-serif; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
  h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; border-bottom: 1px solid #ccc; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #ddd; }
  th { background: #f3f3f3; } .muted { color: #555; } .rejected { color: #a00; font-weight: 600; }
  @media print { body { margin: 0; max-width: none; font-size: 11pt; } .screen-only { display: none; } tr { break-inside: avoid; } h2 { break-after: avoid; } }
`;

/**
 * The pack's printable summary: one self-contained HTML page (no script, no outside
 * resource) with a print stylesheet, in the reader's language.
 */
export function auditPackSummary(record: AuditPackRecord, contents: AuditPackContents, locale: Locale, preparedOn: string): string {
  const t = createTranslator({ locale, messages: catalogs[locale], namespace: "auditPack" }) as unknown as (
    key: string,
    values?: Record<string, string | number>,
  ) => string;
  const { organization, people, examPasses, revenueLines } = record.snapshot;
  const tier = (id: string) => tierTitle(id, locale, t("noTier"));
  const names = new Map(people.map((person) => [person.id, person.name]));
  const verdictOf = new Map(record.verdicts.map((verdict) => [`${verdict.itemKind} ${verdict.itemId}`, verdict]));

  const verdictCell = (kind: EvidenceKind, id: string) => {
    const verdict = verdictOf.get(`${kind} ${id}`);
    if (!verdict) return `<td class="muted">${escapeHtml(t("verdicts.none"))}</td>`;
    const lines = [
      `<span class="${verdict.status}">${escapeHtml(t(`verdicts.${verdict.status}`))}</span>`,
      escapeHtml(t("given", { name: verdict.reviewerName, date: formatInstant(verdict.reviewedAt, locale) })),
      verdict.checkMethod ? escapeHtml(t(`checked.${verdict.checkMethod}`, { note: verdict.checkNote ?? "" })) : null,
      verdict.carriedFromRound !== null ? escapeHtml(t("carried", { round: verdict.carriedFromRound })) : null,
      verdict.reason ? escapeHtml(t("reason", { reason: verdict.reason })) : null,
    ];
    return `<td>${lines.filter((line) => line !== null).join("<br>")}</td>`;
  };
  const row = (cells: string[], verdict: string) => `<tr>${cells.map((cell) => `<td>${escapeHtml(cell)}</td>`).join("")}${verdict}</tr>`;
  const head = (labels: string[]) =>
    `<thead><tr>${labels.map((label) => `<th scope="col">${escapeHtml(label)}</th>`).join("")}</tr></thead>`;

  const passRows = examPasses
    .map((pass) =>
      row(
        [names.get(pass.personId) ?? "", pass.code, formatDate(pass.passedOn, locale), pass.certificationRef ?? ""],
        verdictCell("exam_pass", pass.id),
      ),
    )
    .join("");
  const lineRows = revenueLines
    .map((line) =>
      row(
        [
          line.reference,
          line.customer,
          line.product,
          formatMoney(line.amountCents, locale),
          formatDate(line.bookedOn, locale),
          line.dporAssociated ? t("yes") : t("no"),
        ],
        verdictCell("revenue_line", line.id),
      ),
    )
    .join("");
  const files = [
    ["evidence-submitted.json", t("fileList.evidenceSubmitted")],
    ["evaluation-submitted.json", t("fileList.evaluationSubmitted")],
    ["evidence-accepted.json", t("fileList.evidenceAccepted")],
    ["evaluation-accepted.json", t("fileList.evaluationAccepted")],
    ["verdicts.json", t("fileList.verdicts")],
    ["decision.json", t("fileList.decision")],
  ];
  const title = t("title", { organization: organization.name, tier: tier(record.tier), round: record.round });
  // French sets its colon apart with a no-break space.
  const colon = locale === "fr" ? "\u00a0:" : ":";
  const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${style}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(t("generated", { date: formatDate(preparedOn, locale, "long") }))} <span class="screen-only">${escapeHtml(t("print"))}</span></p>
<h2>${escapeHtml(t("decision"))}</h2>
${paragraph(t("decisionLine", { status: t(`status.${record.status}`), name: record.decidedByName, date: formatInstant(record.decidedAt, locale) }))}
${record.message ? paragraph(t("message", { message: record.message })) : ""}
${record.award ? paragraph(t("award", { tier: tier(record.award.tier), awardedOn: formatDate(record.award.awardedOn, locale, "long"), anniversaryOn: formatDate(record.award.anniversaryOn, locale, "long") })) : ""}
<h2>${escapeHtml(t("application"))}</h2>
${paragraph(t("applicationLine", { name: record.submittedByName, submitted: formatInstant(record.submittedAt, locale), asOf: formatDate(record.asOf, locale, "long") }))}
${paragraph(t("organizationLine", { mpnId: organization.mpnId, market: organization.market }))}
<h2>${escapeHtml(t("evaluations"))}</h2>
${paragraph(t("submittedTier", { tier: tier(contents.evaluationSubmitted.tier) }))}
${paragraph(t("acceptedTier", { tier: tier(contents.evaluationAccepted.tier) }))}
<h2>${escapeHtml(t("examPasses"))}</h2>
<table>${head([t("person"), t("exam"), t("passedOn"), t("certification"), t("verdict")])}<tbody>${passRows}</tbody></table>
<h2>${escapeHtml(t("revenueLines"))}</h2>
<table>${head([t("reference"), t("customer"), t("product"), t("amount"), t("bookedOn"), t("dpor"), t("verdict")])}<tbody>${lineRows}</tbody></table>
<h2>${escapeHtml(t("files"))}</h2>
<ul>${files.map(([file, what]) => `<li><code>${file}</code>${colon} ${escapeHtml(what)}</li>`).join("")}</ul>
</body>
</html>
`;
}
