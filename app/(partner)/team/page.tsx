import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Pagination } from "@/components/list-navigation";
import { ListSearch } from "@/components/list-search";
import { ToastActionButton } from "@/components/toast-action-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { appConnection } from "@/db/client";
import { revokeInvitation } from "@/lib/actions/invitations";
import { setMemberAccessAction } from "@/lib/actions/members";
import { requirePartnerUser } from "@/lib/auth/session";
import { invitationsPageSize, listPendingInvitations } from "@/lib/data/invitations";
import { listOrganizationMembers, membersPageSize } from "@/lib/data/users";
import { formatInstant } from "@/lib/i18n/format";
import { personPickerLabels } from "@/lib/i18n/person-picker";
import { pageNumber, searchText } from "@/lib/schemas/fields";
import { InviteForm } from "./invite-form";

const teamQuery = z.object({ q: searchText, page: pageNumber, invitationsPage: pageNumber });

/** A link to the Team page with `changes` applied to its query, others kept. */
function teamHref(query: z.output<typeof teamQuery>, changes: Partial<z.output<typeof teamQuery>>): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.page > 1) params.set("page", String(next.page));
  if (next.invitationsPage > 1) params.set("invitationsPage", String(next.invitationsPage));
  const search = params.toString();
  return search ? `/team?${search}` : "/team";
}

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("team");
  return { title: t("title") };
}

/** A partner admin's view of who can sign in to the organization, and who is invited: each a page at a time. */
export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePartnerUser();
  if (user.role !== "partner_admin") notFound();
  const query = teamQuery.parse(await searchParams);
  const { db } = await appConnection();
  const [members, pending, picker, t, locale] = await Promise.all([
    listOrganizationMembers(db, user.organizationId, { q: query.q, page: query.page }),
    listPendingInvitations(db, user.organizationId, { page: query.invitationsPage }),
    personPickerLabels("invitation"),
    getTranslations(),
    getLocale(),
  ]);
  const memberPages = Math.max(1, Math.ceil(members.total / membersPageSize));
  const invitationPages = Math.max(1, Math.ceil(pending.total / invitationsPageSize));
  const pageLabels = (page: number, pages: number) => ({
    previous: t("people.previous"),
    next: t("people.next"),
    status: t("people.pageOf", { page, pages }),
  });

  return (
    <div className="grid gap-6">
      <div className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight">{t("team.title")}</h1>
        <p className="text-muted-foreground">{t("team.description")}</p>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("team.membersTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <ListSearch value={query.q} keep={{}} label={t("team.findMember")} submit={t("people.searchSubmit")} />
          {members.rows.length === 0 && <p className="text-sm text-muted-foreground">{t("team.noMatch")}</p>}
          <Table className="stacked-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("team.name")}</TableHead>
                <TableHead>{t("team.email")}</TableHead>
                <TableHead>{t("team.role")}</TableHead>
                <TableHead>{t("team.person")}</TableHead>
                <TableHead>{t("team.status")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("team.access")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {members.rows.map((member) => (
                <TableRow key={member.id}>
                  <TableCell className="font-medium" data-label={t("team.name")}>
                    {member.displayName}
                  </TableCell>
                  <TableCell data-label={t("team.email")}>{member.email}</TableCell>
                  <TableCell data-label={t("team.role")}>{t(`auth.roles.${member.role}`)}</TableCell>
                  <TableCell data-label={t("team.person")}>{member.personName ?? "—"}</TableCell>
                  <TableCell data-label={t("team.status")}>
                    <Badge variant={member.disabled ? "none" : "secondary"}>
                      {member.disabled ? t("team.disabled") : t("team.active")}
                    </Badge>
                  </TableCell>
                  <TableCell className="md:text-right">
                    {member.id === user.id ? (
                      <span className="text-sm text-muted-foreground">{t("team.you")}</span>
                    ) : (
                      <ToastActionButton
                        action={setMemberAccessAction}
                        fields={{ userId: member.id, version: member.version, access: member.disabled ? "enable" : "disable" }}
                        variant={member.disabled ? "secondary" : "outline"}
                        label={member.disabled ? t("team.enable") : t("team.disable")}
                        accessibleLabel={t(member.disabled ? "team.enableLabel" : "team.disableLabel", { name: member.displayName })}
                        done={t(member.disabled ? "team.enabledNotice" : "team.disabledNotice", { name: member.displayName })}
                        confirm={member.disabled ? undefined : t("team.disableConfirm", { name: member.displayName })}
                      />
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={query.page}
            pages={memberPages}
            href={(page) => teamHref(query, { page })}
            labels={pageLabels(query.page, memberPages)}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("invitations.pendingTitle")}</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {pending.total === 0 ? (
            <p className="text-sm text-muted-foreground">{t("invitations.none")}</p>
          ) : (
            <>
              <Table className="stacked-table">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("invitations.email")}</TableHead>
                    <TableHead>{t("invitations.role")}</TableHead>
                    <TableHead>{t("invitations.person")}</TableHead>
                    <TableHead>{t("invitations.invitedBy")}</TableHead>
                    <TableHead>{t("invitations.expires")}</TableHead>
                    <TableHead />
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {pending.rows.map((invitation) => (
                    <TableRow key={invitation.id}>
                      <TableCell className="font-medium" data-label={t("invitations.email")}>
                        {invitation.email}
                      </TableCell>
                      <TableCell data-label={t("invitations.role")}>{t(`auth.roles.${invitation.role}`)}</TableCell>
                      <TableCell data-label={t("invitations.person")}>{invitation.personName ?? "—"}</TableCell>
                      <TableCell data-label={t("invitations.invitedBy")}>{invitation.invitedByName}</TableCell>
                      <TableCell data-label={t("invitations.expires")}>{formatInstant(invitation.expiresAt, locale)}</TableCell>
                      <TableCell className="md:text-right">
                        <ToastActionButton
                          action={revokeInvitation}
                          fields={{ invitationId: invitation.id }}
                          label={t("invitations.revoke")}
                          accessibleLabel={t("invitations.revokeLabel", { email: invitation.email })}
                          done={t("invitations.revoked")}
                          confirm={t("invitations.revokeConfirm", { email: invitation.email })}
                        />
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Pagination
                page={query.invitationsPage}
                pages={invitationPages}
                href={(page) => teamHref(query, { invitationsPage: page })}
                labels={pageLabels(query.invitationsPage, invitationPages)}
              />
            </>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>
            <h2>{t("invitations.title")}</h2>
          </CardTitle>
          <CardDescription>{t("invitations.description")}</CardDescription>
        </CardHeader>
        <CardContent>
          <InviteForm
            picker={picker}
            labels={{
              email: t("invitations.email"),
              role: t("invitations.role"),
              roles: { employee: t("auth.roles.employee"), partner_admin: t("auth.roles.partner_admin") },
              person: t("invitations.person"),
              personHint: t("invitations.personHint"),
              submit: t("invitations.submit"),
              pending: t("invitations.pending"),
              link: t("invitations.link"),
              copy: t("invitations.copy"),
              copied: t("invitations.copied"),
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
