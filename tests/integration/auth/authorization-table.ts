import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import type { ActionErrorCode } from "@/lib/actions/action";
import { eq } from "drizzle-orm";
import { users, webhookEndpoints } from "@/db/schema";
import { cloudCrm, definitionFileOf } from "@/lib/rules";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { createApiToken } from "@/lib/data/api-tokens";
import { previewImport } from "@/lib/data/imports";
import { createWebhookEndpoint, sendTestEvent } from "@/lib/data/webhooks";
import { unsubscribeToken } from "@/lib/mail/unsubscribe";
import {
  clearForNewApplication,
  contosoAdminNotification,
  decidedContosoSubmission,
  freshContosoSubmission,
  memoryMailer,
} from "../submissions/support";

/**
 * THE AUTHORIZATION TABLE: what every server action and every route handler answers to
 * each kind of caller. authorization-matrix.test.ts finds every export of every "use server"
 * module in lib/actions/ and every HTTP method of every app/** /route.ts at test time, and
 * fails for any without a row here (and for any row naming nothing).
 *
 * Callers: signedOut; employee (alice@contoso.example, linked to her person record); admin
 * (admin@contoso.example); otherAdmin (admin@fabrikam.example); reviewer. The record a row
 * aims at ALWAYS belongs to Contoso, so `otherAdmin` is the cross-tenant attempt.
 *
 * An action row:
 *
 *   "lib/actions/people.ts#updatePerson": {
 *     input: async (w) => ({ id: await w.newContosoPerson(), version: "1", name: "Renamed" }),
 *     missing: () => ({ id: randomUUID(), version: "1", name: "Renamed" }),
 *     expect: { signedOut: "unauthenticated", employee: "forbidden", admin: "ok", otherAdmin: "not_found", reviewer: "forbidden", programAdmin: "forbidden" },
 *   },
 *
 * - `input(world, caller)` builds the input (an object; form actions get it as FormData).
 *   It runs once per caller, so each call gets its own fresh record and an "ok" by one
 *   caller cannot change what the next one sees.
 * - `expect`: "ok", an ActionResult error code, or "redirect" (the action called redirect()).
 * - Every caller expected to fail must leave every table unchanged (all but audit_events and
 *   sign_in_attempts, which record the refusal).
 * - `missing`, when given, is the same input aimed at a record that does not exist: a caller
 *   expected "not_found" must get exactly the answer it gets for that (cross-tenant reveals
 *   nothing). Give it for every action that takes a record id.
 *
 * - When one caller's answer depends on which record it aims at (an employee and their own
 *   person record versus a colleague's), give a list of rows, each with a `case` name.
 *
 * A route row: `request(world, caller)` builds the Request, `params` the dynamic segments,
 * and `expect` the HTTP status per caller. The caller's session is injected the same way
 * as for actions (lib/auth/request-context.ts); Auth.js's own endpoints read cookies only.
 * `mustNotContain` lists what a caller's response may not include (Contoso's data, for
 * Fabrikam's admin).
 */

export const callers = ["signedOut", "employee", "admin", "otherAdmin", "reviewer", "programAdmin"] as const;
export type Caller = (typeof callers)[number];

export type ActionOutcome = "ok" | "redirect" | Exclude<ActionErrorCode, "unexpected">;
type Input = Record<string, unknown>;

export interface World {
  db: Database;
  contosoId: string;
  fabrikamId: string;
  /** Alice's person record (the employee caller's own). */
  alicePersonId: string;
  /** A new person of Contoso, with no account. */
  newContosoPerson(): Promise<string>;
  /** A new pending invitation of Contoso, by its admin. */
  newContosoInvitation(): Promise<{ id: string; token: string }>;
  /** A new active employee account of Contoso (version 1), linked to no person. */
  newContosoMember(): Promise<string>;
  /** A new revenue line of Contoso. */
  newContosoRevenueLine(): Promise<string>;
  /** A new exam pass of Contoso, for the given person (a new person when omitted). */
  newContosoExamPass(personId?: string): Promise<{ id: string; personId: string }>;
  /** A string no other call returns, e.g. for email addresses. */
  unique(prefix: string): string;
  /** A calendar date (YYYY-MM-DD) this many days before today. */
  daysAgo(days: number): string;
  /** A date of the last few months that no other call returns (for records unique per day). */
  recentDay(): string;
  /** A day after today and after every published version's start. */
  laterDay(): Promise<string>;
  /** The program's one draft, new (any earlier draft is discarded), in force from a later date than any version. */
  newDraft(): Promise<{ id: string; version: number }>;
  /** No draft of the program. */
  noDraft(): Promise<void>;
  /** A new draft whose impact was computed today: ready to publish. */
  publishableDraft(): Promise<{ id: string; version: number }>;
  /** A published version not in force yet. */
  futureVersion(): Promise<{ id: string; version: number }>;
  /** The first version's row, in force since always. */
  firstVersionId(): Promise<string>;
}

export interface ActionRow {
  /** Names the situation when an endpoint has several rows. */
  case?: string;
  input(world: World, caller: Caller): Input | Promise<Input>;
  missing?(world: World, caller: Caller): Input | Promise<Input>;
  expect: Record<Caller, ActionOutcome>;
}

export interface RouteRow {
  case?: string;
  request(world: World, caller: Caller): Request;
  /** The dynamic segments, or a function building the record they name (run before the call, once per caller). */
  params?: Record<string, string> | ((world: World) => Promise<Record<string, string>>);
  expect: Record<Caller, number>;
  /** Text a caller's response body must not contain (another organization's data). */
  mustNotContain?: Partial<Record<Caller, string[]>>;
}

const everyone = <T>(outcome: T): Record<Caller, T> => ({
  signedOut: outcome,
  employee: outcome,
  admin: outcome,
  otherAdmin: outcome,
  reviewer: outcome,
  programAdmin: outcome,
});

const blankPerson = { email: "", mcid: "", leftOn: "" };

/** A one-person CSV file with an MCID no other call uses (so the row is always new). */
const peopleCsv = (w: World) =>
  new File([`name,email,mcid,left_on\nMatrix Import,,${Date.now()}${w.unique("").replace(/\D/g, "").slice(0, 6)},\n`], "people.csv", {
    type: "text/csv",
  });
const revenueFields = (w: World) => ({
  reference: w.unique("MATRIX"),
  customerName: "Matrix Customer",
  product: "crm-online",
  amount: "1234.50",
  amountFormat: "plain",
  bookedOn: w.daysAgo(5),
  dporAssociated: "on",
});

/** A new webhook endpoint of Contoso. */
async function contosoWebhook(w: World): Promise<string> {
  const contoso = { organizationId: w.contosoId, actorId: null };
  return (
    await createWebhookEndpoint(w.db, contoso, { url: "https://hooks.example.com/contoso", description: null, events: ["tier.changed"] })
  ).id;
}

/** Signed-in partner admins of the record's organization only. */
const contosoAdminOnly: Record<Caller, ActionOutcome> = {
  signedOut: "unauthenticated",
  employee: "forbidden",
  admin: "ok",
  otherAdmin: "not_found",
  reviewer: "forbidden",
  programAdmin: "forbidden",
};

/** Program administrators only. */
const programAdminOnly = (success: ActionOutcome): Record<Caller, ActionOutcome> => ({
  signedOut: "unauthenticated",
  employee: "forbidden",
  admin: "forbidden",
  otherAdmin: "forbidden",
  reviewer: "forbidden",
  programAdmin: success,
});

/** Program reviewers only. */
const reviewerOnly: Record<Caller, ActionOutcome> = {
  signedOut: "unauthenticated",
  employee: "forbidden",
  admin: "forbidden",
  otherAdmin: "forbidden",
  reviewer: "ok",
  programAdmin: "forbidden",
};

const newPassphrase = { password: "matrix passphrase 2026", confirmPassword: "matrix passphrase 2026" };

export const actionRows: Record<string, ActionRow | ActionRow[]> = {
  // Public: anyone may try; a wrong password is "invalid" whoever asks.
  "lib/actions/auth.ts#signInWithPassword": {
    input: (w, caller) => ({ email: w.unique(`matrix-${caller}`) + "@example.test", password: "not the password" }),
    expect: everyone("invalid"),
  },
  // Entra ID is not configured in tests: the action does not exist for anyone.
  "lib/actions/auth.ts#signInWithMicrosoft": {
    input: () => ({}),
    expect: everyone("not_found"),
  },
  "lib/actions/auth.ts#signOut": {
    input: () => ({}),
    expect: { ...everyone<ActionOutcome>("redirect"), signedOut: "unauthenticated" },
  },
  // Each caller's own sessions: there is nobody else's to reach.
  "lib/actions/auth.ts#signOutEverywhere": {
    input: () => ({}),
    expect: { ...everyone<ActionOutcome>("redirect"), signedOut: "unauthenticated" },
  },
  // The caller's own password only; a wrong current password changes nothing, whoever asks.
  "lib/actions/auth.ts#changePassword": {
    input: () => ({ currentPassword: "not the password", ...newPassphrase }),
    expect: { ...everyone<ActionOutcome>("conflict"), signedOut: "unauthenticated" },
  },
  "lib/actions/invitations.ts#inviteMember": {
    input: async (w) => ({ email: `${w.unique("invitee")}@contoso.example`, role: "employee", personId: await w.newContosoPerson() }),
    missing: (w) => ({ email: `${w.unique("invitee")}@contoso.example`, role: "employee", personId: randomUUID() }),
    expect: contosoAdminOnly,
  },
  "lib/actions/invitations.ts#revokeInvitation": {
    input: async (w) => ({ invitationId: (await w.newContosoInvitation()).id }),
    missing: () => ({ invitationId: randomUUID() }),
    expect: contosoAdminOnly,
  },
  // A token is created in the caller's own organization only: there is no other to aim at.
  "lib/actions/api-tokens.ts#createApiToken": {
    input: (w) => ({ name: w.unique("token"), scope: "read", expiresInDays: "30" }),
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "ok",
      otherAdmin: "ok",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  "lib/actions/api-tokens.ts#revokeApiToken": {
    input: async (w) => ({
      id: (await createApiToken(w.db, null, { organizationId: w.contosoId, name: w.unique("token"), scope: "read", expiresInDays: 30 })).id,
    }),
    missing: () => ({ id: randomUUID() }),
    expect: contosoAdminOnly,
  },
  // An endpoint is registered in the caller's own organization only.
  "lib/actions/webhooks.ts#createWebhookEndpoint": {
    input: () => ({ url: "https://hooks.example.com/portal", events: ["tier.changed", "alert.raised"] }),
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "ok",
      otherAdmin: "ok",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  "lib/actions/webhooks.ts#setWebhookEndpointStatus": {
    input: async (w) => ({ id: await contosoWebhook(w), status: "paused" }),
    missing: () => ({ id: randomUUID(), status: "paused" }),
    expect: contosoAdminOnly,
  },
  "lib/actions/webhooks.ts#updateWebhookEndpoint": {
    input: async (w) => {
      const id = await contosoWebhook(w);
      const [row] = await w.db.select({ version: webhookEndpoints.version }).from(webhookEndpoints).where(eq(webhookEndpoints.id, id));
      return { id, version: String(row.version), url: "https://hooks.contoso.example/moved", description: "", events: "tier.changed" };
    },
    missing: () => ({
      id: randomUUID(),
      version: "1",
      url: "https://hooks.contoso.example/moved",
      description: "",
      events: "tier.changed",
    }),
    expect: contosoAdminOnly,
  },
  "lib/actions/webhooks.ts#rotateWebhookSecret": {
    input: async (w) => ({ id: await contosoWebhook(w) }),
    missing: () => ({ id: randomUUID() }),
    expect: contosoAdminOnly,
  },
  "lib/actions/webhooks.ts#deleteWebhookEndpoint": {
    input: async (w) => ({ id: await contosoWebhook(w) }),
    missing: () => ({ id: randomUUID() }),
    expect: contosoAdminOnly,
  },
  "lib/actions/webhooks.ts#sendWebhookTest": {
    input: async (w) => ({ id: await contosoWebhook(w) }),
    missing: () => ({ id: randomUUID() }),
    expect: contosoAdminOnly,
  },
  "lib/actions/webhooks.ts#replayWebhookDelivery": {
    input: async (w) => {
      const contoso = { organizationId: w.contosoId, actorId: null };
      return { id: await sendTestEvent(w.db, contoso, await contosoWebhook(w)) };
    },
    missing: () => ({ id: randomUUID() }),
    expect: contosoAdminOnly,
  },
  "lib/actions/members.ts#setMemberAccessAction": {
    input: async (w) => ({ userId: await w.newContosoMember(), version: "1", access: "disable" }),
    missing: () => ({ userId: randomUUID(), version: "1", access: "disable" }),
    expect: contosoAdminOnly,
  },
  // Public: the token is the authorization, whoever is signed in.
  "lib/actions/invitations.ts#acceptInvitation": {
    input: async (w) => ({ token: (await w.newContosoInvitation()).token, displayName: "Matrix Person", ...newPassphrase }),
    expect: everyone("redirect"),
  },

  // A new person goes into the caller's own organization: there is no other tenant to reach.
  "lib/actions/people.ts#createPerson": {
    input: (w) => ({ name: w.unique("Matrix Person"), ...blankPerson }),
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "redirect",
      otherAdmin: "redirect",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  "lib/actions/people.ts#updatePerson": {
    input: async (w) => ({ id: await w.newContosoPerson(), version: 1, name: w.unique("Renamed"), ...blankPerson }),
    missing: (w) => ({ id: randomUUID(), version: 1, name: w.unique("Renamed"), ...blankPerson }),
    expect: contosoAdminOnly,
  },
  // Only the person can link their certification id to the organization: not an admin, not a colleague.
  "lib/actions/program.ts#startDraft": {
    input: async (w) => {
      await w.noDraft();
      return { versionId: w.unique("v"), effectiveFrom: await w.laterDay(), note: "" };
    },
    expect: programAdminOnly("redirect"),
  },
  "lib/actions/program.ts#saveDraftSettings": {
    input: async (w) => {
      const draft = await w.newDraft();
      return { ...draft, versionId: w.unique("v"), effectiveFrom: await w.laterDay(), note: "matrix" };
    },
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#saveDraftExam": {
    input: async (w) => ({
      ...(await w.newDraft()),
      code: "MB-210",
      group: "customization",
      titleEn: "Sales",
      titleFr: "Ventes",
      availableFrom: "",
      retiredOn: "",
      acceptedUntil: "",
    }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#removeDraftExam": {
    input: async (w) => ({ ...(await w.newDraft()), code: "MB2-709" }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#saveDraftTier": {
    input: async (w) => ({
      ...(await w.newDraft()),
      tierId: "gold",
      "slot.application-deployment": "2",
      "slot.customization": "3",
      "threshold.developed": "150000",
      "threshold.developing": "100000",
    }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#saveDraftGroup": {
    input: async (w) => ({ ...(await w.newDraft()), groupId: "customization", titleEn: "Customisation", titleFr: "Personnalisation" }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#saveDraftRole": {
    input: async (w) => ({
      ...(await w.newDraft()),
      roleId: "customization",
      titleEn: "Customization",
      titleFr: "Personnalisation",
      groups: ["customization"],
    }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#saveDraftCounting": {
    input: async (w) => ({ ...(await w.newDraft()), revenueWindowYears: "2", countingProducts: "crm-online, d365-ce-plan-1" }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#importDraft": {
    input: async (w) => ({ ...(await w.newDraft()), json: JSON.stringify(definitionFileOf(cloudCrm)) }),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#discardDraft": {
    input: async (w) => w.newDraft(),
    expect: programAdminOnly("redirect"),
  },
  "lib/actions/program.ts#computeImpact": {
    input: async (w) => w.newDraft(),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#publishDraft": {
    input: async (w) => w.publishableDraft(),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/program.ts#withdrawVersion": {
    input: async (w) => w.futureVersion(),
    expect: programAdminOnly("ok"),
  },
  "lib/actions/people.ts#confirmOwnMcid": [
    {
      case: "the signed-in person's own record",
      input: (w) => ({ id: w.alicePersonId }),
      expect: {
        signedOut: "unauthenticated",
        employee: "ok",
        admin: "forbidden",
        otherAdmin: "forbidden",
        reviewer: "forbidden",
        programAdmin: "forbidden",
      },
    },
    {
      case: "a colleague's record",
      input: async (w) => ({ id: await w.newContosoPerson() }),
      expect: {
        signedOut: "unauthenticated",
        employee: "forbidden",
        admin: "forbidden",
        otherAdmin: "forbidden",
        reviewer: "forbidden",
        programAdmin: "forbidden",
      },
    },
  ],
  "lib/actions/people.ts#recordDeparture": {
    input: async (w) => ({ id: await w.newContosoPerson(), version: 1, leftOn: w.daysAgo(1) }),
    missing: () => ({ id: randomUUID(), version: 1, leftOn: "" }),
    expect: contosoAdminOnly,
  },

  "lib/actions/revenue.ts#createRevenueLine": {
    input: (w) => revenueFields(w),
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "redirect",
      otherAdmin: "redirect",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  "lib/actions/revenue.ts#updateRevenueLine": {
    input: async (w) => ({ id: await w.newContosoRevenueLine(), version: 1, ...revenueFields(w) }),
    missing: (w) => ({ id: randomUUID(), version: 1, ...revenueFields(w) }),
    expect: contosoAdminOnly,
  },
  "lib/actions/revenue.ts#deleteRevenueLine": {
    input: async (w) => ({ id: await w.newContosoRevenueLine(), version: 1 }),
    missing: () => ({ id: randomUUID(), version: 1 }),
    expect: { ...contosoAdminOnly, admin: "redirect" },
  },

  // An import writes into the caller's own organization only: no record of another to aim at.
  "lib/actions/imports.ts#previewImport": {
    input: (w) => ({ table: "people", file: peopleCsv(w) }),
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "ok",
      otherAdmin: "ok",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  "lib/actions/imports.ts#importCsv": {
    input: async (w, caller) => {
      const file = peopleCsv(w);
      const organizationId = caller === "otherAdmin" ? w.fabrikamId : w.contosoId;
      const preview = await previewImport(w.db, organizationId, "people", await file.text());
      return { table: "people", file, digest: preview.plan.ok ? preview.plan.digest : "0".repeat(64) };
    },
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "ok",
      otherAdmin: "ok",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },

  "lib/actions/exams.ts#recordExamPass": [
    {
      case: "for a colleague",
      input: async (w) => ({ personId: await w.newContosoPerson(), code: "MB2-717", passedOn: w.daysAgo(30), certificationRef: "" }),
      missing: (w) => ({ personId: randomUUID(), code: "MB2-717", passedOn: w.daysAgo(30), certificationRef: "" }),
      expect: contosoAdminOnly,
    },
    {
      case: "for oneself (Alice's person record)",
      input: (w) => ({ personId: w.alicePersonId, code: "MB2-716", passedOn: w.recentDay(), certificationRef: "" }),
      missing: (w) => ({ personId: randomUUID(), code: "MB2-716", passedOn: w.recentDay(), certificationRef: "" }),
      expect: { ...contosoAdminOnly, employee: "ok" },
    },
  ],
  "lib/actions/exams.ts#deleteExamPass": [
    {
      case: "a colleague's pass",
      input: async (w) => ({ id: (await w.newContosoExamPass()).id, version: 1 }),
      missing: () => ({ id: randomUUID(), version: 1 }),
      expect: contosoAdminOnly,
    },
    {
      case: "one's own pass (Alice's)",
      input: async (w) => ({ id: (await w.newContosoExamPass(w.alicePersonId)).id, version: 1 }),
      missing: () => ({ id: randomUUID(), version: 1 }),
      expect: { ...contosoAdminOnly, employee: "ok" },
    },
  ],

  // Applying goes to the caller's own organization; Fabrikam does not meet Silver.
  "lib/actions/submissions.ts#applyForTier": {
    input: async (w) => {
      memoryMailer();
      await clearForNewApplication(w.db, w.contosoId);
      return { tier: "silver" };
    },
    expect: {
      signedOut: "unauthenticated",
      employee: "forbidden",
      admin: "redirect",
      otherAdmin: "conflict",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  "lib/actions/submissions.ts#withdrawSubmission": {
    input: async (w) => ({ id: (await freshContosoSubmission(w.db, w.contosoId)).id }),
    missing: () => ({ id: randomUUID() }),
    expect: contosoAdminOnly,
  },
  // Reviewers act on every organization's submissions; partner users on none.
  "lib/actions/review.ts#claimSubmission": {
    input: async (w) => ({ id: (await freshContosoSubmission(w.db, w.contosoId)).id }),
    expect: reviewerOnly,
  },
  "lib/actions/review.ts#releaseSubmission": {
    input: async (w) => ({ id: (await freshContosoSubmission(w.db, w.contosoId, { claimed: true })).id }),
    expect: reviewerOnly,
  },
  "lib/actions/review.ts#verifyRemaining": {
    input: async (w) => {
      const { id, snapshot } = await freshContosoSubmission(w.db, w.contosoId, { claimed: true });
      const { remaining } = evaluateCase(snapshot, "silver", [], "en");
      return { id, expected: String(remaining), confirmed: "1" };
    },
    expect: reviewerOnly,
  },
  "lib/actions/review.ts#recordVerdict": {
    input: async (w) => {
      const { id, snapshot } = await freshContosoSubmission(w.db, w.contosoId, { claimed: true });
      return {
        submissionId: id,
        itemKind: "revenue_line",
        itemId: snapshot.revenueLines[0].id,
        status: "rejected",
        reason: "customer not DPOR-associated",
      };
    },
    expect: reviewerOnly,
  },
  "lib/actions/review.ts#decideSubmission": {
    input: async (w) => ({
      id: (await freshContosoSubmission(w.db, w.contosoId, { claimed: true })).id,
      decision: "request_changes",
      message: "Add revenue",
    }),
    expect: reviewerOnly,
  },
  // A notification is its recipient's alone: anybody else's is "not found".
  "lib/actions/notifications.ts#openNotification": {
    input: async (w) => ({ id: await contosoAdminNotification(w.db, w.contosoId) }),
    missing: () => ({ id: randomUUID() }),
    expect: {
      signedOut: "unauthenticated",
      employee: "not_found",
      admin: "redirect",
      otherAdmin: "not_found",
      reviewer: "not_found",
      programAdmin: "not_found",
    },
  },
  "lib/actions/notifications.ts#readAllNotifications": {
    input: () => ({}),
    expect: { ...everyone<ActionOutcome>("ok"), signedOut: "unauthenticated" },
  },

  // Each user's own choices: there is no one else's to reach. Reviewers receive no alerts.
  "lib/actions/alerts.ts#chooseAlertEmailsAction": {
    input: () => ({ "tier-ending": "digest", "sole-holder": "never" }),
    expect: {
      signedOut: "unauthenticated",
      employee: "ok",
      admin: "ok",
      otherAdmin: "ok",
      reviewer: "forbidden",
      programAdmin: "forbidden",
    },
  },
  // Public: the signed token is the authorization, whoever is signed in.
  "lib/actions/alerts.ts#unsubscribeAction": [
    {
      case: "a token the portal signed",
      input: async (w) => ({ token: unsubscribeToken({ userId: await contosoAdminId(w), scope: "renewal-due" }) }),
      expect: everyone("ok"),
    },
    {
      case: "a token altered by hand",
      input: async (w) => ({ token: `${unsubscribeToken({ userId: await contosoAdminId(w), scope: "renewal-due" })}x` }),
      expect: everyone("invalid"),
    },
  ],
};

async function contosoAdminId(w: World): Promise<string> {
  const [admin] = await w.db.select({ id: users.id }).from(users).where(eq(users.email, "admin@contoso.example"));
  return admin.id;
}

const contosoPeople = ["Alice Martin", "Bruno Costa", "10451001"];

export const routeRows: Record<string, RouteRow | RouteRow[]> = {
  "app/api/export/[table]/route.ts GET": [
    {
      case: "a table only admins manage",
      request: () => new Request("http://portal.test/api/export/people"),
      params: { table: "people" },
      expect: { signedOut: 401, employee: 403, admin: 200, otherAdmin: 200, reviewer: 403, programAdmin: 403 },
      mustNotContain: { otherAdmin: contosoPeople },
    },
    {
      case: "the gap list, for everyone of the organization",
      request: () => new Request("http://portal.test/api/export/gaps"),
      params: { table: "gaps" },
      expect: { signedOut: 401, employee: 200, admin: 200, otherAdmin: 200, reviewer: 403, programAdmin: 403 },
      mustNotContain: { otherAdmin: contosoPeople },
    },
  ],
  // A partner admin's person picker: their own organization's people only, whatever the query asks.
  "app/api/people/choices/route.ts GET": {
    request: (w) => new Request(`http://portal.test/api/people/choices?for=exam-pass&organization=${w.contosoId}`),
    expect: { signedOut: 401, employee: 403, admin: 200, otherAdmin: 200, reviewer: 403, programAdmin: 403 },
    mustNotContain: { otherAdmin: contosoPeople.slice(0, 2) },
  },
  // Reviewers read the program's trail, partner admins their organization's; the filter cannot widen it.
  "app/api/audit/export/route.ts GET": {
    request: (w) => new Request(`http://portal.test/api/audit/export?organization=${w.contosoId}`),
    expect: { signedOut: 401, employee: 403, admin: 200, otherAdmin: 200, reviewer: 200, programAdmin: 200 },
    mustNotContain: { otherAdmin: ["Contoso", "Claire Admin"] },
  },
  // A decision's audit pack: any for reviewers, their own organization's for partner admins.
  "app/api/program/route.ts GET": {
    request: () => new Request("http://portal.test/api/program"),
    expect: { signedOut: 401, employee: 200, admin: 200, otherAdmin: 200, reviewer: 200, programAdmin: 200 },
  },
  "app/api/program/versions/[id]/route.ts GET": [
    {
      case: "a published version",
      request: () => new Request("http://portal.test/api/program/versions/x"),
      params: async (w) => ({ id: await w.firstVersionId() }),
      expect: { signedOut: 401, employee: 403, admin: 403, otherAdmin: 403, reviewer: 200, programAdmin: 200 },
    },
    {
      case: "the draft",
      request: () => new Request("http://portal.test/api/program/versions/x"),
      params: async (w) => ({ id: (await w.newDraft()).id }),
      expect: { signedOut: 401, employee: 403, admin: 403, otherAdmin: 403, reviewer: 404, programAdmin: 200 },
    },
  ],
  "app/api/submissions/[id]/audit-pack/route.ts GET": {
    request: () => new Request("http://portal.test/api/submissions/x/audit-pack"),
    params: async (w) => ({ id: await decidedContosoSubmission(w.db, w.contosoId) }),
    expect: { signedOut: 401, employee: 403, admin: 200, otherAdmin: 404, reviewer: 200, programAdmin: 403 },
    mustNotContain: { otherAdmin: ["Contoso"] },
  },
  // One-click unsubscribe (RFC 8058) from a mail client: the signed token, never a session.
  "app/api/unsubscribe/[token]/route.ts POST": [
    {
      case: "a signed token whose user is gone",
      request: () => new Request("http://portal.test/api/unsubscribe/x", { method: "POST", body: "List-Unsubscribe=One-Click" }),
      params: { token: unsubscribeToken({ userId: "00000000-0000-4000-8000-000000000000", scope: "all" }) },
      expect: everyone(404),
    },
    {
      case: "a token altered by hand",
      request: () => new Request("http://portal.test/api/unsubscribe/x", { method: "POST", body: "List-Unsubscribe=One-Click" }),
      params: { token: "00000000-0000-4000-8000-000000000000.all.forged" },
      expect: everyone(400),
    },
  ],
  "app/api/health/route.ts GET": {
    request: () => new Request("http://portal.test/api/health"),
    expect: everyone(200),
  },
  // Public, like liveness: it says only whether the database can be read.
  "app/api/health/ready/route.ts GET": {
    request: () => new Request("http://portal.test/api/health/ready"),
    expect: everyone(200),
  },
  "app/api/auth/[...nextauth]/route.ts GET": {
    request: () => new Request("http://portal.test/api/auth/session"),
    params: { nextauth: "session" },
    expect: everyone(200),
  },
  // Without Auth.js's CSRF token a credentials post is turned away before any password check.
  "app/api/auth/[...nextauth]/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/auth/callback/credentials", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: "admin@contoso.example", password: "portal-demo-1" }),
      }),
    params: { nextauth: "callback/credentials" },
    expect: everyone(302),
  },
  // /api/v1 answers API tokens only (tests/integration/api/ checks them): a session, whoever's, is no credential there.
  // Any other path under /api/v1, whatever the method: the token is checked before "no such endpoint".
  ...Object.fromEntries(
    (["GET", "POST", "PATCH", "PUT", "DELETE"] as const).map((method) => [
      `app/api/v1/[...path]/route.ts ${method}`,
      {
        request: () =>
          new Request("http://portal.test/api/v1/no-such-endpoint", {
            method,
            ...(method !== "GET" && method !== "DELETE" && { body: "{}" }),
          }),
        params: { path: "no-such-endpoint" },
        expect: everyone(401),
      },
    ]),
  ),
  "app/api/v1/people/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/people", { method: "GET" }),
    expect: everyone(401),
  },
  "app/api/v1/people/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/v1/people", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    expect: everyone(401),
  },
  "app/api/v1/people/[id]/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/people/x", { method: "GET" }),
    params: async (w) => ({ id: await w.newContosoPerson() }),
    expect: everyone(401),
  },
  "app/api/v1/people/[id]/route.ts PATCH": {
    request: () =>
      new Request("http://portal.test/api/v1/people/x", { method: "PATCH", headers: { "content-type": "application/json" }, body: "{}" }),
    params: async (w) => ({ id: await w.newContosoPerson() }),
    expect: everyone(401),
  },
  "app/api/v1/people/[id]/route.ts DELETE": {
    request: () => new Request("http://portal.test/api/v1/people/x", { method: "DELETE" }),
    params: async (w) => ({ id: await w.newContosoPerson() }),
    expect: everyone(401),
  },
  "app/api/v1/exam-passes/[id]/route.ts PATCH": {
    request: () =>
      new Request("http://portal.test/api/v1/exam-passes/x", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    params: async (w) => ({ id: (await w.newContosoExamPass()).id }),
    expect: everyone(401),
  },
  "app/api/v1/people/upsert/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/v1/people/upsert", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    expect: everyone(401),
  },
  "app/api/v1/exam-passes/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/exam-passes", { method: "GET" }),
    expect: everyone(401),
  },
  "app/api/v1/exam-passes/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/v1/exam-passes", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
    expect: everyone(401),
  },
  "app/api/v1/exam-passes/[id]/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/exam-passes/x", { method: "GET" }),
    params: async (w) => ({ id: (await w.newContosoExamPass()).id }),
    expect: everyone(401),
  },
  "app/api/v1/exam-passes/[id]/route.ts DELETE": {
    request: () => new Request("http://portal.test/api/v1/exam-passes/x", { method: "DELETE" }),
    params: async (w) => ({ id: (await w.newContosoExamPass()).id }),
    expect: everyone(401),
  },
  "app/api/v1/exam-passes/upsert/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/v1/exam-passes/upsert", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    expect: everyone(401),
  },
  "app/api/v1/revenue-lines/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/revenue-lines", { method: "GET" }),
    expect: everyone(401),
  },
  "app/api/v1/revenue-lines/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/v1/revenue-lines", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    expect: everyone(401),
  },
  "app/api/v1/revenue-lines/[id]/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/revenue-lines/x", { method: "GET" }),
    params: async (w) => ({ id: await w.newContosoRevenueLine() }),
    expect: everyone(401),
  },
  "app/api/v1/revenue-lines/[id]/route.ts PATCH": {
    request: () =>
      new Request("http://portal.test/api/v1/revenue-lines/x", {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    params: async (w) => ({ id: await w.newContosoRevenueLine() }),
    expect: everyone(401),
  },
  "app/api/v1/revenue-lines/[id]/route.ts DELETE": {
    request: () => new Request("http://portal.test/api/v1/revenue-lines/x", { method: "DELETE" }),
    params: async (w) => ({ id: await w.newContosoRevenueLine() }),
    expect: everyone(401),
  },
  "app/api/v1/revenue-lines/upsert/route.ts POST": {
    request: () =>
      new Request("http://portal.test/api/v1/revenue-lines/upsert", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      }),
    expect: everyone(401),
  },
  "app/api/v1/evaluation/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/evaluation", { method: "GET" }),
    expect: everyone(401),
  },
  "app/api/v1/gaps/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/gaps", { method: "GET" }),
    expect: everyone(401),
  },
  "app/api/v1/next-tier/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/next-tier", { method: "GET" }),
    expect: everyone(401),
  },
  "app/api/v1/forecast/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/forecast", { method: "GET" }),
    expect: everyone(401),
  },
  // The API's reference is public, as the API's description is no data.
  "app/api/v1/openapi.json/route.ts GET": {
    request: () => new Request("http://portal.test/api/v1/openapi.json"),
    expect: everyone(200),
  },
  "app/api/docs/route.ts GET": {
    request: () => new Request("http://portal.test/api/docs"),
    expect: everyone(200),
  },
  "app/api/docs/scalar.js/route.ts GET": {
    request: () => new Request("http://portal.test/api/docs/scalar.js"),
    expect: everyone(200),
  },
};
