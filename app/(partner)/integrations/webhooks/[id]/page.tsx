import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Pagination } from "@/components/list-navigation";
import { RefreshWhileRunning } from "@/components/refresh-while-running";
import { ToastActionButton } from "@/components/toast-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { webhookEvents, type WebhookEventType } from "@/db/schema";
import { deleteWebhookEndpoint, replayWebhookDelivery, sendWebhookTest, setWebhookEndpointStatus } from "@/lib/actions/webhooks";
import { requirePartnerUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/data/errors";
import {
  finishedDeliveryKeepDays,
  getWebhookEndpoint,
  listWebhookDeliveries,
  pauseAfterFailures,
  previousSecretHours,
  webhookDeliveriesPageSize,
} from "@/lib/data/webhooks";
import { formatInstant } from "@/lib/i18n/format";
import { WebhookEditForm } from "../../webhook-form";
import { webhookFieldLabels, webhookSecretLabels } from "../../webhook-labels";
import { RotateSecretForm } from "./rotate-secret-form";
import { webhookEventKey } from "@/lib/i18n/webhook-events";
import { pageNumber, recordId } from "@/lib/schemas/fields";

const endpointQuery = z.object({ page: pageNumber });

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("integrations.webhooks");
  return { title: t("logTitle") };
}

const statusVariant = { succeeded: "success", failed: "destructive", cancelled: "none", pending: "outline", retrying: "outline" } as const;

/** One webhook endpoint: what it receives, pausing and resuming it, and its delivery log a page at a time, each delivery replayable. */
export default async function WebhookEndpointPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePartnerUser();
  const id = recordId.safeParse((await params).id);
  if (user.role !== "partner_admin" || !id.success) notFound();
  const query = endpointQuery.parse(await searchParams);
  const { db } = await appConnection();
  const endpoint = await getWebhookEndpoint(db, user.organizationId, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [deliveries, t, locale] = await Promise.all([
    listWebhookDeliveries(db, user.organizationId, endpoint.id, query.page),
    getTranslations("integrations"),
    getLocale(),
  ]);
  const pages = Math.max(1, Math.ceil(deliveries.total / webhookDeliveriesPageSize));
  const waiting = deliveries.rows.some((delivery) => delivery.status === "pending");
  const eventName = (event: WebhookEventType) => t(webhookEventKey(event));
  return (
    <div className="grid gap-6">
      <RefreshWhileRunning running={waiting} />
      <Link href="/integrations" className="text-sm text-muted-foreground hover:underline">
        ← {t("title")}
      </Link>
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight break-all">{endpoint.url}</h1>
        <p className="text-muted-foreground">
          <Badge variant={endpoint.status === "active" ? "secondary" : "none"}>{t(`webhooks.statuses.${endpoint.status}`)}</Badge>{" "}
          {endpoint.events.map(eventName).join(", ")}
        </p>
        {endpoint.status === "paused" && (
          <p className="text-sm" role="status">
            {endpoint.consecutiveFailures >= pauseAfterFailures
              ? t("webhooks.pausedForFailures", { failures: endpoint.consecutiveFailures })
              : t("webhooks.pausedByAdmin")}
          </p>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        {endpoint.status === "active" && (
          <ToastActionButton
            action={sendWebhookTest}
            fields={{ id: endpoint.id }}
            variant="secondary"
            label={t("webhooks.sendTest")}
            accessibleLabel={t("webhooks.sendTest")}
            done={t("webhooks.testSent")}
          />
        )}
        <ToastActionButton
          action={setWebhookEndpointStatus}
          fields={{ id: endpoint.id, status: endpoint.status === "active" ? "paused" : "active" }}
          label={t(endpoint.status === "active" ? "webhooks.pause" : "webhooks.resume")}
          accessibleLabel={t(endpoint.status === "active" ? "webhooks.pause" : "webhooks.resume")}
          done={t(endpoint.status === "active" ? "webhooks.paused" : "webhooks.resumed")}
        />
        <ToastActionButton
          action={deleteWebhookEndpoint}
          fields={{ id: endpoint.id }}
          variant="destructive"
          label={t("webhooks.delete")}
          accessibleLabel={t("webhooks.delete")}
          done={t("webhooks.deleted")}
        />
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("webhooks.settingsTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          <WebhookEditForm
            events={webhookEvents}
            endpoint={{
              id: endpoint.id,
              version: endpoint.version,
              url: endpoint.url,
              description: endpoint.description,
              events: endpoint.events,
            }}
            labels={{
              ...webhookFieldLabels(t),
              submit: t("webhooks.save"),
              pending: t("webhooks.saving"),
            }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("webhooks.secret")}</h2>
          </CardTitle>
          {endpoint.previousSecretUntil && endpoint.previousSecretUntil > new Date() && (
            <CardDescription>
              {t("webhooks.previousSecretUntil", { until: formatInstant(endpoint.previousSecretUntil, locale) })}
            </CardDescription>
          )}
        </CardHeader>
        <CardContent>
          <RotateSecretForm
            endpointId={endpoint.id}
            labels={{
              submit: t("webhooks.rotate"),
              pending: t("webhooks.rotating"),
              hint: t("webhooks.rotateHint", { hours: previousSecretHours }),
              ...webhookSecretLabels(t),
            }}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("webhooks.logTitle")}</h2>
          </CardTitle>
          <CardDescription>{t("webhooks.logHint", { days: finishedDeliveryKeepDays })}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          {deliveries.total === 0 ? (
            <p className="text-sm text-muted-foreground">{t("webhooks.noDeliveries")}</p>
          ) : (
            <Table className="stacked-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("webhooks.when")}</TableHead>
                  <TableHead>{t("webhooks.event")}</TableHead>
                  <TableHead>{t("tokens.status")}</TableHead>
                  <TableHead>{t("webhooks.answer")}</TableHead>
                  <TableHead>
                    <span className="sr-only">{t("webhooks.replay")}</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {deliveries.rows.map((delivery) => (
                  <TableRow key={delivery.id} data-testid="webhook-delivery-row">
                    <TableCell data-label={t("webhooks.when")}>
                      {formatInstant(delivery.createdAt, locale, "seconds")}
                      {delivery.replayOf && <span className="block text-xs text-muted-foreground">{t("webhooks.replayed")}</span>}
                    </TableCell>
                    <TableCell data-label={t("webhooks.event")}>
                      {eventName(delivery.eventType)}
                      <code className="block text-xs text-muted-foreground">{delivery.messageId}</code>
                    </TableCell>
                    <TableCell data-label={t("tokens.status")}>
                      <Badge variant={statusVariant[delivery.status]}>{t(`webhooks.deliveryStatuses.${delivery.status}`)}</Badge>
                      <span className="block text-xs text-muted-foreground">{t("webhooks.attempts", { count: delivery.attempts })}</span>
                    </TableCell>
                    <TableCell data-label={t("webhooks.answer")}>
                      {delivery.attempts === 0
                        ? "—"
                        : t("webhooks.answered", {
                            status: delivery.lastStatusCode ?? t("webhooks.noAnswer"),
                            ms: delivery.lastDurationMs ?? 0,
                          })}
                      {delivery.lastError && <span className="block text-xs break-all text-muted-foreground">{delivery.lastError}</span>}
                    </TableCell>
                    <TableCell className="md:text-right">
                      {delivery.status !== "pending" && delivery.status !== "retrying" && (
                        <ToastActionButton
                          action={replayWebhookDelivery}
                          fields={{ id: delivery.id }}
                          label={t("webhooks.replay")}
                          accessibleLabel={t("webhooks.replayLabel", { message: delivery.messageId })}
                          done={t("webhooks.replaySent")}
                        />
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Pagination
            page={query.page}
            pages={pages}
            href={(page) => (page > 1 ? `/integrations/webhooks/${endpoint.id}?page=${page}` : `/integrations/webhooks/${endpoint.id}`)}
            labels={{ previous: t("previous"), next: t("next"), status: t("pageOf", { page: query.page, pages }) }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
