import { CircleCheck, CircleX } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { tierTitle } from "@/components/competency/definition-text";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CaseEvaluation } from "@/lib/data/case-evaluation";
import type { Locale } from "@/lib/rules";

function Verdict({ holds, children, testId }: { holds: boolean; children: string; testId: string }) {
  const Icon = holds ? CircleCheck : CircleX;
  return (
    <p className="flex items-start gap-2 font-medium" data-testid={testId} data-holds={holds}>
      <Icon className={holds ? "mt-0.5 size-4 text-success" : "mt-0.5 size-4 text-destructive"} aria-hidden />
      {children}
    </p>
  );
}

/** The rules' answer on the snapshot as submitted, then re-run live on the reviewer's verdicts. */
export async function EvaluationPanel({ tier, evaluation }: { tier: string; evaluation: CaseEvaluation }) {
  const [t, locale] = await Promise.all([getTranslations("review.evaluation"), getLocale() as Promise<Locale>]);
  const title = tierTitle(tier, locale, tier);
  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{t("title")}</h2>
        </CardTitle>
        <CardDescription>{t("live")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4 text-sm">
        <div className="space-y-2">
          <Verdict holds={evaluation.tierHoldsWithoutRejected} testId="holds-without-rejected">
            {t("withoutRejected", { holds: String(evaluation.tierHoldsWithoutRejected), tier: title })}
          </Verdict>
          <Verdict holds={evaluation.holdsOnVerified} testId="holds-on-verified">
            {t("verifiedOnly", { holds: String(evaluation.holdsOnVerified), tier: title })}
          </Verdict>
          <Verdict holds={evaluation.remaining === 0} testId="items-remaining">
            {t("remaining", { count: evaluation.remaining })}
          </Verdict>
        </div>
        <div>
          <h3 className="mb-1 font-medium">{t("submittedLine", { summary: evaluation.submitted.summary })}</h3>
          <ul className="space-y-1">
            {evaluation.submitted.reasons.map((reason, index) => (
              <li key={index} className="flex items-start gap-2" data-status={reason.status}>
                {reason.status === "note" ? (
                  <span className="mt-0.5 size-4" />
                ) : reason.status === "met" ? (
                  <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
                ) : (
                  <CircleX className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
                )}
                <span className={reason.status === "note" ? "text-muted-foreground" : undefined}>{reason.text}</span>
              </li>
            ))}
          </ul>
        </div>
      </CardContent>
    </Card>
  );
}
