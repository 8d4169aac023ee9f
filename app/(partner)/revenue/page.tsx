import { Plus } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ListSearch } from "@/components/list-search";
import { RevenueTable } from "@/components/revenue/revenue-table";
import { RevenueTotals } from "@/components/revenue/revenue-totals";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { CsvActions } from "@/components/csv-actions";
import { Pagination, SegmentedLinks } from "@/components/list-navigation";
import { Button } from "@/components/ui/button";
import { appConnection } from "@/db/client";
import { requirePartnerUser } from "@/lib/auth/session";
import { today } from "@/lib/clock";
import { listRevenue, revenuePageSize } from "@/lib/data/revenue";
import { revenueQuery, revenueScopes, type RevenueQuery } from "@/lib/schemas/revenue";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("revenue"))("title") };
}

function hrefFor(query: RevenueQuery, changes: Partial<RevenueQuery>) {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.scope !== "all") params.set("scope", next.scope);
  if (next.page !== 1) params.set("page", String(next.page));
  const text = params.toString();
  return text ? `/revenue?${text}` : "/revenue";
}

/** Everyone of the organization sees the lines and totals; partner admins add, edit and delete. */
export default async function RevenuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const user = await requirePartnerUser();
  const params = await searchParams;
  const query = revenueQuery.parse(params);
  const deleted = typeof params.deleted === "string" ? params.deleted.slice(0, 100) : null;
  const added = typeof params.added === "string" ? params.added.slice(0, 100) : null;
  const t = await getTranslations("revenue");
  const { db } = await appConnection();
  const list = await listRevenue(db, user.organizationId, query, today());
  const pages = Math.max(1, Math.ceil(list.total / revenuePageSize));
  const isAdmin = user.role === "partner_admin";

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="text-muted-foreground">{t("description")}</p>
        </div>
        {isAdmin && (
          <div className="flex flex-wrap gap-2">
            <CsvActions table="revenue" />
            <Button asChild>
              <Link href="/revenue/new">
                <Plus aria-hidden /> {t("add")}
              </Link>
            </Button>
          </div>
        )}
      </div>

      {added && (
        <Alert role="status">
          <AlertDescription>
            {t("added", { reference: added })}{" "}
            <Link href={hrefFor(query, { q: "", page: 1 })} className="font-medium underline underline-offset-4">
              {t("showAll")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      {deleted && (
        <Alert role="status">
          <AlertDescription>{t("deleted", { reference: deleted })}</AlertDescription>
        </Alert>
      )}

      <RevenueTotals window={list.window} countingCents={list.countingCents} allCents={list.allCents} lineCount={list.lineCount} />

      <div className="flex flex-wrap items-center justify-between gap-3">
        <ListSearch
          value={query.q}
          keep={query.scope !== "all" ? { scope: query.scope } : {}}
          label={t("search")}
          submit={t("searchSubmit")}
        />
        <SegmentedLinks
          label={t("title")}
          options={revenueScopes.map((scope) => ({
            href: hrefFor(query, { scope, page: 1 }),
            label: t(`scope.${scope}`),
            current: query.scope === scope,
          }))}
        />
      </div>

      <p className="text-sm text-muted-foreground" aria-live="polite">
        {t("count", { total: list.total })}
      </p>

      <RevenueTable rows={list.rows} canEdit={isAdmin} />

      <Pagination
        page={query.page}
        pages={pages}
        href={(page) => hrefFor(query, { page })}
        labels={{ previous: t("previous"), next: t("next"), status: t("pageOf", { page: query.page, pages }) }}
      />
    </div>
  );
}
