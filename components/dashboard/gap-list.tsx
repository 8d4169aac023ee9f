import { Download } from "lucide-react";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { examTitle, roleTitle } from "@/components/competency/definition-text";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/cn";
import type { Dashboard } from "@/lib/data/dashboard";
import type { Locale } from "@/lib/i18n/locales";
import { isOneExamAway } from "@/lib/rules";

export type GapFilter = "all" | "one-away";

/** People shown per page: a large organization's list is paged (the export holds everyone), not sent whole. */
export const gapPageSize = 10;

export async function GapList({
  dashboard,
  filter,
  page,
  ownPersonId,
  href,
  locale,
}: {
  dashboard: Dashboard;
  locale: Locale;
  filter: GapFilter;
  page: number;
  /** The signed-in employee's own person record, listed first. */
  ownPersonId: string | null;
  href: (filter: GapFilter, page: number) => string;
}) {
  const [t, tCsv] = await Promise.all([
    getTranslations({ locale, namespace: "dashboard.gaps" }),
    getTranslations({ locale, namespace: "csv" }),
  ]);
  const current = dashboard.evaluation.people.filter((person) => person.counts);
  const matching = current
    .filter((person) => filter === "all" || isOneExamAway(person))
    .sort((a, b) => Number(b.id === ownPersonId) - Number(a.id === ownPersonId));
  const pages = Math.max(1, Math.ceil(matching.length / gapPageSize));
  const shownPage = Math.min(page, pages);
  const shown = matching.slice((shownPage - 1) * gapPageSize, shownPage * gapPageSize);
  // Titles once, under the table, rather than beside every code of every row.
  const legend = [...new Set(shown.flatMap((person) => Object.values(person.missing).flat(2)))].sort();

  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
        <CardAction>
          <nav className="flex gap-1 rounded-lg bg-muted p-1 text-sm" aria-label={t("title")}>
            {(["all", "one-away"] as const).map((option) => (
              <Link
                key={option}
                href={href(option, 1)}
                aria-current={filter === option ? "page" : undefined}
                className={cn(
                  "rounded-md px-2.5 py-1 text-muted-foreground",
                  filter === option && "bg-background font-medium text-foreground shadow-sm",
                )}
              >
                {option === "all" ? t("filterAll") : t("filterOneAway")}
              </Link>
            ))}
          </nav>
        </CardAction>
      </CardHeader>
      <CardContent>
        {current.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("noPeople")}</p>
        ) : shown.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("empty")}</p>
        ) : (
          // On a phone each person is a card of labelled lines (stacked-table): three columns
          // would leave the exams still missing cut off at the edge.
          <Table className="stacked-table gap-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("person")}</TableHead>
                <TableHead>{t("qualifies")}</TableHead>
                <TableHead>{t("missing")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {shown.map((person) => (
                <TableRow key={person.id} data-testid="gap-row">
                  <TableCell>
                    {dashboard.personNames[person.id]}
                    {person.id === ownPersonId && (
                      <Badge variant="secondary" className="ml-2">
                        {t("you")}
                      </Badge>
                    )}
                  </TableCell>
                  <TableCell data-label={t("qualifies")}>
                    <div>
                      {person.qualifiesFor.length === 0
                        ? t("nothing")
                        : person.qualifiesFor.map((role) => (
                            <Badge key={role} variant="success">
                              {roleTitle(role, locale)}
                            </Badge>
                          ))}
                    </div>
                  </TableCell>
                  <TableCell
                    className={Object.keys(person.missing).length === 0 ? "text-muted-foreground" : undefined}
                    data-label={t("missing")}
                  >
                    {Object.keys(person.missing).length === 0 ? (
                      t("allQualified")
                    ) : (
                      <ul className="space-y-2">
                        {Object.entries(person.missing).map(([role, groups]) => (
                          <li key={role}>
                            <span className="font-medium">{roleTitle(role, locale)}</span>
                            <ul className="mt-1 space-y-1 text-sm text-muted-foreground">
                              {groups.map((codes, index) => (
                                <li key={index}>
                                  {codes.length === 0 ? (
                                    t("noExamLeft")
                                  ) : (
                                    <>
                                      {t("oneOf")}{" "}
                                      {codes.flatMap((code, position) => [
                                        position > 0 ? " · " : null,
                                        <code key={code} className="text-foreground">
                                          {code}
                                        </code>,
                                      ])}
                                    </>
                                  )}
                                </li>
                              ))}
                            </ul>
                          </li>
                        ))}
                      </ul>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {legend.length > 0 && (
          <dl className="mt-4 grid gap-x-4 gap-y-1 border-t pt-4 text-xs text-muted-foreground sm:grid-cols-2" aria-label={t("legend")}>
            {legend.map((code) => (
              <div key={code} className="flex gap-2">
                <dt className="font-mono whitespace-nowrap text-foreground">{code}</dt>
                <dd>{examTitle(code, locale)}</dd>
              </div>
            ))}
          </dl>
        )}
        <a
          href={`/api/export/gaps?asOf=${dashboard.asOf}`}
          download
          className="mt-4 inline-flex items-center gap-1 text-sm text-primary hover:underline"
          data-print="hide"
        >
          <Download className="size-4" aria-hidden /> {tCsv("exportGaps")}
        </a>
        <a
          href={`/api/export/gaps?asOf=${dashboard.asOf}&format=xlsx`}
          download
          className="mt-4 ml-4 inline-flex items-center gap-1 text-sm text-primary hover:underline"
          data-print="hide"
        >
          <Download className="size-4" aria-hidden /> {tCsv("exportGapsExcel")}
        </a>
        {pages > 1 && (
          <nav className="mt-4 flex items-center justify-between text-sm" aria-label={t("pages")}>
            <Link
              href={href(filter, shownPage - 1)}
              aria-disabled={shownPage <= 1}
              className={cn("hover:underline", shownPage <= 1 && "pointer-events-none text-muted-foreground")}
            >
              {t("previous")}
            </Link>
            <span className="text-muted-foreground">{t("pageOf", { page: shownPage, pages, total: matching.length })}</span>
            <Link
              href={href(filter, shownPage + 1)}
              aria-disabled={shownPage >= pages}
              className={cn("hover:underline", shownPage >= pages && "pointer-events-none text-muted-foreground")}
            >
              {t("next")}
            </Link>
          </nav>
        )}
      </CardContent>
    </Card>
  );
}
