import { getLocale, getTranslations } from "next-intl/server";
import { CopyButton } from "@/components/ui/copy-button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CheckMethod } from "@/db/schema";
import type { CaseEvaluation } from "@/lib/data/case-evaluation";
import type { ReviewCase } from "@/lib/data/review";
import { formatDate, formatList, formatMoney } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";
import { productChoice } from "@/lib/schemas/revenue";
import { VerdictBadge } from "./verdict-badge";
import { VerdictControls, type VerdictLabels } from "./verdict-controls";

/** A transcript's id or sharing code, with a button that copies it for Microsoft's transcript page. */
function Transcript({ label, value, copy }: { label: string; value: string; copy: { label: string; copiedLabel: string } }) {
  return (
    <span className="inline-flex items-center gap-1">
      <span>
        {label} <span className="font-mono text-foreground">{value}</span>
      </span>
      <CopyButton value={value} {...copy} />
    </span>
  );
}

type Verdicts = Map<string, ReviewCase["verdicts"][number]>;

/**
 * The evidence the tier rests on, each record with its verdict: people with the passes that
 * fill a slot, then the counted revenue lines. Controls only for the reviewer holding the claim.
 */
export async function EvidenceTables({
  found,
  evaluation,
  editable,
}: {
  found: ReviewCase;
  evaluation: CaseEvaluation;
  editable: boolean;
}) {
  const [t, tRevenue, locale] = await Promise.all([getTranslations("review"), getTranslations("revenue"), getLocale() as Promise<Locale>]);
  // A product of the list by the name the partner's Revenue page gives it; any other as it was recorded.
  const productName = (product: string) => {
    const choice = productChoice(product);
    return choice === "other" ? product : tRevenue(`products.${choice}`);
  };
  const { snapshot } = found;
  const verdicts: Verdicts = new Map(found.verdicts.map((verdict) => [`${verdict.itemKind}:${verdict.itemId}`, verdict]));
  const labels: VerdictLabels = {
    verify: t("verify"),
    reject: t("reject"),
    confirmReject: t("confirmReject"),
    cancel: t("cancelReject"),
    reason: t("reason"),
    ownReason: t("ownReason"),
    details: t("reasonDetails"),
    reasonPlaceholder: t("reasonPlaceholder"),
    checkMethod: t("checkMethod"),
    checkMethods: { transcript: t("checkMethods.transcript"), certificate: t("checkMethods.certificate"), other: t("checkMethods.other") },
    checkNote: t("checkNote"),
    usualReasons: {
      exam_pass: [t("usualReasons.notOnTranscript"), t("usualReasons.notThisPerson"), t("usualReasons.dateDiffers")],
      revenue_line: [
        t("usualReasons.notDpor"),
        t("usualReasons.productDoesNotCount"),
        t("usualReasons.amountDiffers"),
        t("usualReasons.notNetNew"),
      ],
    },
  };
  const conflictOf = new Map(
    found.mcidConflicts.map((conflict) => [
      conflict.personId,
      t("mcid.conflict", { mcid: conflict.mcid, name: conflict.personName, organizations: formatList(conflict.organizations, locale) }),
    ]),
  );
  const passIds = new Set(evaluation.toReview.examPassIds);
  const people = snapshot.people
    .map((person) => ({ person, passes: snapshot.examPasses.filter((pass) => pass.personId === person.id && passIds.has(pass.id)) }))
    .filter((entry) => entry.passes.length > 0);
  const lines = evaluation.toReview.revenueIds
    .map((id) => snapshot.revenueLines.find((line) => line.id === id))
    .filter((line) => line !== undefined);
  const copyLabels = (what: string, value: string) => ({ label: `${t("copy")} ${what} ${value}`, copiedLabel: t("copied") });
  const controls = (itemKind: "exam_pass" | "revenue_line", itemId: string, label: string, suggestedCheck?: CheckMethod) => {
    const verdict = verdicts.get(`${itemKind}:${itemId}`);
    return (
      <div className="flex flex-col gap-2">
        <VerdictBadge verdict={verdict} />
        {/* Remounted by a new verdict: a rejection given closes its reason. */}
        {editable && (
          <VerdictControls
            key={`${verdict?.status ?? "none"} ${verdict?.reason ?? ""}`}
            submissionId={found.id}
            itemKind={itemKind}
            itemId={itemId}
            label={label}
            labels={labels}
            suggestedCheck={suggestedCheck}
          />
        )}
      </div>
    );
  };

  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("people")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <Table className="stacked-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("person")}</TableHead>
                <TableHead>{t("exam")}</TableHead>
                <TableHead>{t("passedOn")}</TableHead>
                <TableHead>{t("certification")}</TableHead>
                <TableHead>{t("verdict")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {people.flatMap(({ person, passes }) =>
                passes.map((pass, index) => (
                  <TableRow key={pass.id} data-testid="pass-row">
                    <TableCell className="font-medium" data-label={t("person")}>
                      {/* Named once per person in the table, on every card of a phone's stack. */}
                      <span className={index === 0 ? undefined : "md:invisible"}>{person.name}</span>
                      {index === 0 && person.mcid && (
                        <span className="block text-xs font-normal text-muted-foreground" data-testid="mcid-confirmation">
                          {person.mcidConfirmed ? t("mcid.confirmed") : t("mcid.notConfirmed")}
                        </span>
                      )}
                      {index === 0 && conflictOf.get(person.id) && (
                        <span className="block text-xs font-normal text-destructive" data-testid="mcid-conflict">
                          {conflictOf.get(person.id)}
                        </span>
                      )}
                    </TableCell>
                    <TableCell className="font-mono" data-label={t("exam")}>
                      {pass.code}
                    </TableCell>
                    <TableCell className="tabular-nums" data-label={t("passedOn")}>
                      {formatDate(pass.passedOn, locale)}
                    </TableCell>
                    <TableCell className="text-muted-foreground" data-label={t("certification")}>
                      <div className="flex flex-col gap-1">
                        {pass.certificationRef && <span>{pass.certificationRef}</span>}
                        {pass.transcriptId && (
                          <Transcript
                            label={t("transcriptId")}
                            value={pass.transcriptId}
                            copy={copyLabels(t("transcriptId"), pass.transcriptId)}
                          />
                        )}
                        {pass.transcriptCode && (
                          <Transcript
                            label={t("transcriptCode")}
                            value={pass.transcriptCode}
                            copy={copyLabels(t("transcriptCode"), pass.transcriptCode)}
                          />
                        )}
                        {!pass.certificationRef && !pass.transcriptId && "—"}
                      </div>
                    </TableCell>
                    <TableCell className="max-md:grid-cols-1" data-label={t("verdict")}>
                      {controls("exam_pass", pass.id, `${pass.code} ${person.name}`, pass.transcriptId ? "transcript" : "certificate")}
                    </TableCell>
                  </TableRow>
                )),
              )}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("revenue")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <Table className="stacked-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("reference")}</TableHead>
                <TableHead>{t("customer")}</TableHead>
                <TableHead>{t("product")}</TableHead>
                <TableHead>{t("bookedOn")}</TableHead>
                <TableHead className="md:text-right">{t("amount")}</TableHead>
                <TableHead>{t("dpor")}</TableHead>
                <TableHead>{t("verdict")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((line) => (
                <TableRow key={line.id} data-testid="revenue-row">
                  <TableCell className="font-mono" data-label={t("reference")}>
                    {line.reference}
                  </TableCell>
                  <TableCell className="max-w-64 whitespace-normal [overflow-wrap:anywhere] font-medium" data-label={t("customer")}>
                    {line.customer}
                  </TableCell>
                  <TableCell className="whitespace-normal" data-label={t("product")}>
                    {productName(line.product)}
                  </TableCell>
                  <TableCell className="tabular-nums" data-label={t("bookedOn")}>
                    {formatDate(line.bookedOn, locale)}
                  </TableCell>
                  <TableCell className="tabular-nums md:text-right" data-label={t("amount")}>
                    {formatMoney(line.amountCents, locale)}
                  </TableCell>
                  <TableCell data-label={t("dpor")}>{line.dporAssociated ? t("yes") : t("no")}</TableCell>
                  <TableCell className="max-md:grid-cols-1" data-label={t("verdict")}>
                    {controls("revenue_line", line.id, `${line.reference} ${line.customer}`)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
