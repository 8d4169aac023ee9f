import { ArrowDown, ArrowUp, Plus } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListSearch } from "@/components/list-search";
import { CsvActions } from "@/components/csv-actions";
import { Pagination, SegmentedLinks } from "@/components/list-navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { requirePartnerUser } from "@/lib/auth/session";
import { listPeople, mcidsClaimedElsewhere, peoplePageSize } from "@/lib/data/people";
import { formatDate } from "@/lib/i18n/format";
import { peopleQuery, peopleSortKeys, type PeopleQuery } from "@/lib/schemas/people";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

function hrefFor(query: PeopleQuery, changes: Partial<PeopleQuery>) {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.status !== "current") params.set("status", next.status);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.direction !== "asc") params.set("direction", next.direction);
  if (next.page !== 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `/people?${text}` : "/people";
}

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requirePartnerUser();
  const query = peopleQuery.parse(await searchParams);
  const [t, tGaps, locale] = await Promise.all([getTranslations("people"), getTranslations("dashboard.gaps"), getLocale()]);
  const { db } = await appConnection();
  const { rows, total } = await listPeople(db, user.organizationId, query);
  const claimedElsewhere = await mcidsClaimedElsewhere(
    db,
    user.organizationId,
    rows.flatMap((person) => (person.mcid ? [person.mcid] : [])),
  );
  const pages = Math.max(1, Math.ceil(total / peoplePageSize));

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("description")}</p>
        </div>
        {user.role === "partner_admin" && (
          <div className="flex flex-wrap gap-2">
            <CsvActions table="people" />
            <Button asChild>
              <Link href="/people/new">
                <Plus aria-hidden /> {t("add")}
              </Link>
            </Button>
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3">
        <ListSearch
          value={query.q}
          keep={query.status !== "current" ? { status: query.status } : {}}
          label={t("search")}
          submit={t("searchSubmit")}
        />
        <SegmentedLinks
          label={t("title")}
          options={(["current", "left", "all"] as const).map((status) => ({
            href: hrefFor(query, { status, page: 1 }),
            label: t(`status.${status}`),
            current: query.status === status,
          }))}
        />
      </div>

      <p className="text-sm text-muted-foreground" aria-live="polite">
        {t("count", { total })}
      </p>

      <Table>
        <TableHeader>
          <TableRow>
            {peopleSortKeys.map((key) => {
              const active = query.sort === key;
              const direction = active && query.direction === "asc" ? "desc" : "asc";
              return (
                <TableHead key={key} aria-sort={active ? (query.direction === "asc" ? "ascending" : "descending") : undefined}>
                  <Link href={hrefFor(query, { sort: key, direction, page: 1 })} className="inline-flex items-center gap-1 hover:underline">
                    {t(`columns.${key}`)}
                    {active &&
                      (query.direction === "asc" ? (
                        <ArrowUp className="size-3" aria-hidden />
                      ) : (
                        <ArrowDown className="size-3" aria-hidden />
                      ))}
                  </Link>
                </TableHead>
              );
            })}
            <TableHead className="text-right">{t("columns.passes")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={5} className="text-center text-muted-foreground">
                {t("empty")}
              </TableCell>
            </TableRow>
          ) : (
            rows.map((person) => (
              <TableRow key={person.id}>
                <TableCell className="font-medium">
                  <Link href={`/people/${person.id}`} className="hover:underline">
                    {person.name}
                  </Link>
                  {person.id === user.personId && (
                    <Badge variant="secondary" className="ml-2">
                      {tGaps("you")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>
                  {person.mcid ?? "—"}
                  {person.mcid && claimedElsewhere.has(person.mcid) && (
                    <Badge variant="warning" className="ml-2" data-testid="mcid-claimed-badge">
                      {t("mcid.claimedBadge")}
                    </Badge>
                  )}
                </TableCell>
                <TableCell>{person.email ?? "—"}</TableCell>
                <TableCell>{person.leftOn ? formatDate(person.leftOn, locale) : "—"}</TableCell>
                <TableCell className="text-right tabular-nums">{person.passes}</TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>

      <Pagination
        page={query.page}
        pages={pages}
        href={(page) => hrefFor(query, { page })}
        labels={{ previous: t("previous"), next: t("next"), status: t("pageOf", { page: query.page, pages }) }}
      />
    </div>
  );
}
