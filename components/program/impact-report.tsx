import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { tierTitle } from "@/components/competency/definition-text";
import { ProgramForm } from "@/components/program/program-form";
import { RefreshWhileRunning } from "@/components/refresh-while-running";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { computeImpact, publishDraft } from "@/lib/actions/program";
import { today } from "@/lib/clock";
import type { ImpactRun } from "@/lib/data/program-impact";
import { describeDifferenceCause } from "@/lib/i18n/program-impact";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/rules";

const IMPACT_PAGE_SIZE = 25;

/**
 * The draft's impact: computing it (a job, with its progress), then every organization whose
 * tier it changes, a page at a time, with when and why; publishing once it is up to date.
 */
export async function ImpactReport({
  draft,
  run,
  page,
  locale,
  roleTitles,
}: {
  draft: { id: string; version: number };
  run: ImpactRun | null;
  page: number;
  locale: Locale;
  roleTitles: Record<string, string>;
}) {
  const t = await getTranslations("program");
  const ref = { id: draft.id, version: draft.version };
  const current = run !== null && run.draftVersion === draft.version && run.asOf === today();
  const title = (tier: string) => tierTitle(tier, locale, t("overview.noTier"));
  const pages = run ? Math.max(1, Math.ceil(run.impactedCount / IMPACT_PAGE_SIZE)) : 1;

  return (
    <Card data-testid="impact">
      <CardHeader>
        <CardTitle>{t("impact.title")}</CardTitle>
        <CardDescription>{t("impact.hint")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <RefreshWhileRunning running={run?.status === "running"} />
        {run && (
          <div className="grid gap-2">
            <Progress value={run.organizationsDone} max={Math.max(1, run.organizationsTotal)} aria-label={t("impact.progress")} />
            <p className="text-sm" role="status">
              {run.status === "running" && t("impact.running", { done: run.organizationsDone, total: run.organizationsTotal })}
              {run.status === "failed" && t("impact.failed")}
              {run.status === "done" && t("impact.done", { count: run.impactedCount, total: run.organizationsTotal })}
              {run.status === "done" && !current && ` ${t("impact.stale")}`}
            </p>
          </div>
        )}
        {run?.status === "done" && run.impacted.length > 0 && (
          <ul className="grid gap-3">
            {run.impacted.map((organization) => (
              <li key={organization.organizationId} className="rounded-md border p-3 text-sm" data-testid="impacted-organization">
                <p className="font-medium">{organization.name}</p>
                <ul className="mt-1 grid gap-1">
                  {organization.differences.map((difference) => (
                    <li key={difference.from}>
                      {t(difference.until ? "impact.spanUntil" : "impact.span", {
                        from: formatDate(difference.from, locale),
                        until: difference.until ? formatDate(difference.until, locale) : "",
                        current: title(difference.current),
                        draft: title(difference.draft),
                      })}{" "}
                      <span className="text-muted-foreground">
                        {describeDifferenceCause(
                          difference.cause,
                          organization.personNames,
                          roleTitles,
                          (key, values) => t(key as "impact.cause.other", values),
                          locale,
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {run?.status === "done" && pages > 1 && (
          <nav className="flex gap-3 text-sm" aria-label={t("impact.pages")}>
            {page > 1 && <Link href={`?page=${page - 1}`}>{t("impact.previous")}</Link>}
            <span>{t("impact.page", { page, pages })}</span>
            {page < pages && <Link href={`?page=${page + 1}`}>{t("impact.next")}</Link>}
          </nav>
        )}
        <div className="flex flex-wrap gap-3">
          {run?.status !== "running" && (
            <ProgramForm
              action={computeImpact}
              hidden={ref}
              fields={[]}
              submit={t("impact.compute")}
              pending={t("pending")}
              variant="outline"
            />
          )}
          {current && run?.status === "done" && (
            <ProgramForm
              action={publishDraft}
              hidden={ref}
              fields={[]}
              submit={t("impact.publish")}
              pending={t("pending")}
              testId="publish"
              confirm={t("impact.publishConfirm")}
            />
          )}
        </div>
      </CardContent>
    </Card>
  );
}
