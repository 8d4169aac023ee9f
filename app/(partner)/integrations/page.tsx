import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Pagination } from "@/components/list-navigation";
import { ToastActionButton } from "@/components/toast-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { revokeApiToken } from "@/lib/actions/api-tokens";
import { requirePartnerUser } from "@/lib/auth/session";
import { apiTokensPageSize, listApiTokens, type ApiTokenRow } from "@/lib/data/api-tokens";
import { listWebhookEndpoints, webhookEndpointsPageSize } from "@/lib/data/webhooks";
import { formatInstant } from "@/lib/i18n/format";
import { pageNumber } from "@/lib/schemas/fields";
import { TokenForm } from "./token-form";
import { WebhookForm } from "./webhook-form";
import { webhookFieldLabels, webhookSecretLabels } from "./webhook-labels";

const integrationsQuery = z.object({ page: pageNumber, webhooksPage: pageNumber });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations");
  return { title: t("title") };
}

function tokenStatus(token: ApiTokenRow, now: Date): "revoked" | "expired" | "active" {
  if (token.revokedAt) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}

/**
 * A partner admin's connections: API tokens (create one, its secret shown once; see each
 * one's last use; revoke) and webhook endpoints (register one, its signing secret shown once).
 */
export default async function IntegrationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  const query = integrationsQuery.parse(await searchParams);
  const { db } = await appConnection();
  const [tokens, endpoints, t, locale] = await Promise.all([
    listApiTokens(db, user.organizationId, query.page),
    listWebhookEndpoints(db, user.organizationId, query.webhooksPage),
    getTranslations("integrations"),
    getLocale(),
  ]);
  const pages = Math.max(1, Math.ceil(tokens.total / apiTokensPageSize));
  const webhookPages = Math.max(1, Math.ceil(endpoints.total / webhookEndpointsPageSize));
  const href = (changes: Partial<z.output<typeof integrationsQuery>>) => {
    const next = { ...query, ...changes };
    const params = new URLSearchParams();
    if (next.page > 1) params.set("page", String(next.page));
    if (next.webhooksPage > 1) params.set("webhooksPage", String(next.webhooksPage));
    const search = params.toString();
    return search ? `/integrations?${search}` : "/integrations";
  };
  const { eventNames } = webhookFieldLabels(t);
  const now = new Date();
  const when = (instant: Date | null) => (instant ? formatInstant(instant, locale) : t("tokens.never"));

  return (
    <div className="grid gap-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="text-muted-foreground">
          {t.rich("description", {
            docs: (chunks) => (
              <Link href="/api/docs" className="underline underline-offset-4" prefetch={false}>
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("tokens.createTitle")}</h2>
          </CardTitle>
          <CardDescription>{t("tokens.createHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <TokenForm
            labels={{
              name: t("tokens.name"),
              nameHint: t("tokens.nameHint"),
              scope: t("tokens.scope"),
              scopes: { read: t("tokens.scopes.read"), "read+write": t("tokens.scopes.readWrite") },
              expiry: t("tokens.expiry"),
              days: {
                "30": t("tokens.days", { days: 30 }),
                "90": t("tokens.days", { days: 90 }),
                "180": t("tokens.days", { days: 180 }),
                "365": t("tokens.year"),
              },
              submit: t("tokens.create"),
              pending: t("tokens.creating"),
              secret: t("tokens.secret"),
              secretHint: t("tokens.secretHint"),
              copy: t("tokens.copy"),
              copied: t("tokens.copied"),
            }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("tokens.listTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {tokens.total === 0 ? (
            <p className="text-sm text-muted-foreground">{t("tokens.none")}</p>
          ) : (
            <Table className="stacked-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("tokens.name")}</TableHead>
                  <TableHead>{t("tokens.scope")}</TableHead>
                  <TableHead>{t("tokens.status")}</TableHead>
                  <TableHead>{t("tokens.lastUsed")}</TableHead>
                  <TableHead>{t("tokens.expires")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("tokens.revoke")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {tokens.rows.map((token) => {
                  const status = tokenStatus(token, now);
                  return (
                    <TableRow key={token.id} data-testid="api-token-row">
                      <TableCell className="font-medium" data-label={t("tokens.name")}>
                        {token.name}
                        <span className="block font-mono text-xs text-muted-foreground">{token.shownPrefix}…</span>
                      </TableCell>
                      <TableCell data-label={t("tokens.scope")}>
                        {t(token.scope === "read" ? "tokens.scopes.read" : "tokens.scopes.readWrite")}
                      </TableCell>
                      <TableCell data-label={t("tokens.status")}>
                        <Badge variant={status === "active" ? "secondary" : "none"}>{t(`tokens.statuses.${status}`)}</Badge>
                      </TableCell>
                      <TableCell data-label={t("tokens.lastUsed")}>{when(token.lastUsedAt)}</TableCell>
                      <TableCell data-label={t("tokens.expires")}>{when(token.expiresAt)}</TableCell>
                      <TableCell className="md:text-right">
                        {status === "active" && (
                          <ToastActionButton
                            action={revokeApiToken}
                            fields={{ id: token.id }}
                            label={t("tokens.revoke")}
                            accessibleLabel={t("tokens.revokeLabel", { name: token.name })}
                            done={t("tokens.revoked", { name: token.name })}
                            confirm={t("tokens.revokeConfirm", { name: token.name })}
                          />
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <Pagination
            page={query.page}
            pages={pages}
            href={(page) => href({ page })}
            labels={{ previous: t("previous"), next: t("next"), status: t("pageOf", { page: query.page, pages }) }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("webhooks.createTitle")}</h2>
          </CardTitle>
          <CardDescription>{t("webhooks.createHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <WebhookForm
            events={webhookEvents}
            labels={{
              ...webhookFieldLabels(t),
              submit: t("webhooks.create"),
              pending: t("webhooks.creating"),
              ...webhookSecretLabels(t),
            }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("webhooks.listTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {endpoints.total === 0 ? (
            <p className="text-sm text-muted-foreground">{t("webhooks.none")}</p>
          ) : (
            <Table className="stacked-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("webhooks.url")}</TableHead>
                  <TableHead>{t("webhooks.eventsLabel")}</TableHead>
                  <TableHead>{t("tokens.status")}</TableHead>
                  <TableHead>{t("webhooks.failures")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {endpoints.rows.map((endpoint) => (
                  <TableRow key={endpoint.id} data-testid="webhook-endpoint-row">
                    <TableCell className="max-w-xs font-medium break-all" data-label={t("webhooks.url")}>
                      <Link href={`/integrations/webhooks/${endpoint.id}`} className="underline underline-offset-4">
                        {endpoint.url}
                      </Link>
                      {endpoint.description && <span className="block text-xs text-muted-foreground">{endpoint.description}</span>}
                    </TableCell>
                    <TableCell data-label={t("webhooks.eventsLabel")}>
                      {endpoint.events.map((event) => eventNames[event]).join(", ")}
                    </TableCell>
                    <TableCell data-label={t("tokens.status")}>
                      <Badge variant={endpoint.status === "active" ? "secondary" : "none"}>
                        {t(endpoint.status === "active" ? "webhooks.statuses.active" : "webhooks.statuses.paused")}
                      </Badge>
                    </TableCell>
                    <TableCell data-label={t("webhooks.failures")}>{endpoint.consecutiveFailures}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination
            page={query.webhooksPage}
            pages={webhookPages}
            href={(webhooksPage) => href({ webhooksPage })}
            labels={{ previous: t("previous"), next: t("next"), status: t("pageOf", { page: query.webhooksPage, pages: webhookPages }) }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
