import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import type { SessionUser } from "@/lib/auth/session-user";
import { auditFilterChoices, auditScopeOf, listAuditEvents } from "@/lib/data/audit-log";
import type { Locale } from "@/lib/rules";
import { auditFilter } from "@/lib/schemas/audit";
import { AuditFilters } from "./audit-filters";
import { auditQuery } from "./audit-query";
import { auditWordsIn, describeEvent } from "./event-sentence";
import { formatDate, formatInstant } from "@/lib/i18n/format";

/**
 * The audit trail in the user's scope (a reviewer's: the program; a partner admin's: their
 * organization), one page at a time, with the filters and the CSV export of the same filters.
 */
export async function AuditLog({
  user,
  path,
  searchParams,
}: {
  user: SessionUser;
  path: string;
  searchParams: Record<string, string | string[] | undefined>;
}) {
  const filter = auditFilter.parse(searchParams);
  const scope = auditScopeOf(user);
  const { db } = await appConnection();
  const [{ events, subjects, hasNext }, choices, t, locale] = await Promise.all([
    listAuditEvents(db, scope, filter),
    auditFilterChoices(db, scope),
    getTranslations("audit"),
    getLocale() as Promise<Locale>,
  ]);
  // Program administrators read the program's trail but do not review: no links to the cases.
  const words = auditWordsIn(locale, { reviewer: scope === "program", opensReviews: user.role === "reviewer" });
  const pageHref = (page: number) => `${path}?${auditQuery({ ...filter, page })}`;
  const filtered = [filter.actor, filter.action, filter.entity, filter.organization, filter.from, filter.to].some(Boolean);

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h1 className="text-2xl">{t("title")}</h1>
        </CardTitle>
        <CardDescription>{scope === "program" ? t("reviewerDescription") : t("partnerDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <AuditFilters
          path={path}
          filter={filter}
          choices={choices}
          exportHref={`/api/audit/export?${auditQuery({ ...filter, page: 1 })}`}
        />
        {filter.from && filter.to && filter.from > filter.to ? (
          <p role="alert" className="text-sm text-destructive">
            {t("datesReversed", { from: formatDate(filter.from, locale), to: formatDate(filter.to, locale) })}
          </p>
        ) : events.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t(filtered ? "noMatch" : "none")}</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("when")}</TableHead>
                <TableHead>{t("what")}</TableHead>
                {scope === "program" && <TableHead>{t("organization")}</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {events.map((event) => {
                const { sentence, changes, href } = describeEvent(event, subjects, words);
                return (
                  <TableRow key={event.id} data-testid="audit-row">
                    <TableCell className="align-top whitespace-nowrap tabular-nums">
                      {formatInstant(event.createdAt, locale, "seconds")}
                    </TableCell>
                    <TableCell className="align-top whitespace-normal">
                      <p data-testid="audit-sentence">
                        {sentence}
                        {href && (
                          <>
                            {" "}
                            <Link href={href} className="text-primary underline underline-offset-4">
                              {t("open")}
                            </Link>
                          </>
                        )}
                      </p>
                      {changes.length > 0 && (
                        <ul className="mt-1 space-y-0.5 text-xs text-muted-foreground">
                          {changes.map((change) => (
                            <li key={change}>{change}</li>
                          ))}
                        </ul>
                      )}
                    </TableCell>
                    {scope === "program" && <TableCell className="align-top">{event.organizationName ?? "—"}</TableCell>}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        <nav className="flex items-center gap-3 text-sm" aria-label={t("page", { page: filter.page })}>
          {filter.page > 1 && (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(filter.page - 1)}>{t("previous")}</Link>
            </Button>
          )}
          <span>{t("page", { page: filter.page })}</span>
          {hasNext && (
            <Button asChild variant="outline" size="sm">
              <Link href={pageHref(filter.page + 1)}>{t("next")}</Link>
            </Button>
          )}
        </nav>
      </CardContent>
    </Card>
  );
}
