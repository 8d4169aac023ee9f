import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ALERT_KINDS } from "@/lib/rules/watch";

export const markets = ["developed", "developing"] as const;
export type Market = (typeof markets)[number];

export const userRoles = ["partner_admin", "employee", "reviewer", "program_admin"] as const;

/** Roles of the program's own staff: they belong to no partner organization. */
export const programRoles = ["reviewer", "program_admin"] as const satisfies readonly UserRole[];
export type ProgramRole = (typeof programRoles)[number];
export type UserRole = (typeof userRoles)[number];

export const verificationStatuses = ["unverified", "verified", "rejected"] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];

/** SQL list literal of a closed set of values, for CHECK constraints. */
function oneOf(values: readonly string[]) {
  return sql.raw(values.map((value) => `'${value}'`).join(", "));
}

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

/** Optimistic concurrency: every write of a mutable row bumps it and checks the one it read. */
const version = integer("version").notNull().default(1);

const verification = {
  verificationStatus: text("verification_status").notNull().default("unverified"),
  verifiedBy: uuid("verified_by").references(() => users.id),
  verifiedAt: timestamp("verified_at", { withTimezone: true }),
  /** The reviewer's reason when the program rejected the record, shown to the partner. */
  verificationReason: text("verification_reason"),
};

export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    mpnId: text("mpn_id").notNull().unique(),
    market: text("market").notNull(),
    /**
     * Bumped by triggers on every change to the organization's people, exam passes and
     * revenue lines: an evaluation computed at one revision stays right until it moves.
     */
    evidenceRevision: bigint("evidence_revision", { mode: "number" }).notNull().default(0),
    version,
    ...timestamps,
  },
  (t) => [
    check("organizations_name_present", sql`length(trim(${t.name})) > 0`),
    check("organizations_mpn_id_digits", sql`${t.mpnId} ~ '^[0-9]{1,12}$'`),
    check("organizations_market_known", sql`${t.market} in (${oneOf(markets)})`),
  ],
);

export const people = pgTable(
  "people",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    email: text("email"),
    mcid: text("mcid"),
    /**
     * When the person, signed in, confirmed that this MCID is theirs (only they can link it);
     * cleared when the MCID changes.
     */
    mcidConfirmedAt: timestamp("mcid_confirmed_at", { withTimezone: true }),
    mcidConfirmedBy: uuid("mcid_confirmed_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    leftOn: date("left_on", { mode: "string" }),
    version,
    ...timestamps,
  },
  (t) => [
    unique("people_organization_mcid").on(t.organizationId, t.mcid),
    // An MCID counts for one organization at a time: the program looks for it across organizations.
    index("people_mcid").on(t.mcid),
    // Lets exam passes reference (person, organization) so a pass can never cross tenants.
    unique("people_id_organization").on(t.id, t.organizationId),
    index("people_organization_name").on(t.organizationId, t.name),
    check("people_name_present", sql`length(trim(${t.name})) > 0`),
  ],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").notNull(),
    organizationId: uuid("organization_id").references(() => organizations.id, {
      onDelete: "cascade",
    }),
    personId: uuid("person_id").references(() => people.id, { onDelete: "set null" }),
    disabled: boolean("disabled").notNull().default(false),
    /** The language of the user's emails: the one they last chose on the pages. */
    locale: text("locale").notNull().default("en"),
    version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_email_lower").on(sql`lower(${t.email})`),
    check("users_role_known", sql`${t.role} in (${oneOf(userRoles)})`),
    check("users_locale_known", sql`${t.locale} in ('en', 'fr')`),
    // The program's staff belong to the program, everybody else to exactly one partner.
    check("users_organization_matches_role", sql`(${t.role} in (${oneOf(programRoles)})) = (${t.organizationId} is null)`),
    check("users_person_only_for_partners", sql`${t.personId} is null or ${t.role} not in (${oneOf(programRoles)})`),
    check("users_email_shape", sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
  ],
);

/**
 * One row per sign-in. The session cookie names its row, and a session whose row has ended
 * is refused everywhere: signing out ends one, "sign out everywhere", turning access off and
 * a new password end all of a user's.
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBecause: text("ended_because"),
  },
  (t) => [
    index("user_sessions_user_open")
      .on(t.userId)
      .where(sql`${t.endedAt} is null`),
    check("user_sessions_ended_with_reason", sql`(${t.endedAt} is null) = (${t.endedBecause} is null)`),
  ],
);

export const examPasses = pgTable(
  "exam_passes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    personId: uuid("person_id").notNull(),
    organizationId: uuid("organization_id").notNull(),
    examCode: text("exam_code").notNull(),
    passedOn: date("passed_on", { mode: "string" }).notNull(),
    certificationRef: text("certification_ref"),
    /** The Microsoft transcript that shows the pass, and the code its owner shares it with. */
    transcriptId: text("transcript_id"),
    transcriptCode: text("transcript_code"),
    ...verification,
    recordedBy: uuid("recorded_by").references(() => users.id),
    version,
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "exam_passes_person_in_organization",
      columns: [t.personId, t.organizationId],
      foreignColumns: [people.id, people.organizationId],
    }).onDelete("cascade"),
    unique("exam_passes_person_exam_date").on(t.personId, t.examCode, t.passedOn),
    index("exam_passes_organization").on(t.organizationId),
    check("exam_passes_code_shape", sql`${t.examCode} ~ '^[A-Z0-9]+-[A-Z0-9]+$'`),
    check("exam_passes_transcript_code_with_id", sql`${t.transcriptCode} is null or ${t.transcriptId} is not null`),
    check("exam_passes_verification_known", sql`${t.verificationStatus} in (${oneOf(verificationStatuses)})`),
  ],
);

export const revenueLines = pgTable(
  "revenue_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    customerName: text("customer_name").notNull(),
    product: text("product").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    bookedOn: date("booked_on", { mode: "string" }).notNull(),
    dporAssociated: boolean("dpor_associated").notNull(),
    reference: text("reference").notNull(),
    ...verification,
    recordedBy: uuid("recorded_by").references(() => users.id),
    version,
    ...timestamps,
  },
  (t) => [
    unique("revenue_lines_organization_reference").on(t.organizationId, t.reference),
    index("revenue_lines_organization_booked_on").on(t.organizationId, t.bookedOn),
    check("revenue_lines_customer_present", sql`length(trim(${t.customerName})) > 0`),
    check("revenue_lines_reference_present", sql`length(trim(${t.reference})) > 0`),
    check("revenue_lines_verification_known", sql`${t.verificationStatus} in (${oneOf(verificationStatuses)})`),
  ],
);

/** Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id").references(() => organizations.id),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    /** A write through the API: the token it came with (its name is the actor shown). */
    actorTokenId: uuid("actor_token_id").references((): AnyPgColumn => apiTokens.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_organization_created").on(t.organizationId, t.createdAt),
    check("audit_events_action_present", sql`length(${t.action}) > 0`),
  ],
);

export const invitableRoles = ["partner_admin", "employee"] as const;
export type InvitableRole = (typeof invitableRoles)[number];

/**
 * A partner admin's invitation to join their organization. Only the SHA-256 of the token
 * is stored, so a leaked table cannot be replayed; the link is usable once, for 7 days.
 */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    role: text("role").notNull(),
    personId: uuid("person_id"),
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by")
      .notNull()
      .references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash").on(t.tokenHash),
    index("invitations_organization_email").on(t.organizationId, sql`lower(${t.email})`),
    // The invited person must belong to the inviting organization.
    foreignKey({
      name: "invitations_person_in_organization",
      columns: [t.personId, t.organizationId],
      foreignColumns: [people.id, people.organizationId],
    }).onDelete("cascade"),
    check("invitations_role_known", sql`${t.role} in (${oneOf(invitableRoles)})`),
    check("invitations_employee_has_person", sql`${t.role} <> 'employee' or ${t.personId} is not null`),
    check("invitations_email_shape", sql`${t.email} ~ '^[^@[:space:]]+@[^@[:space:]]+$'`),
    check("invitations_not_both_accepted_and_revoked", sql`${t.acceptedAt} is null or ${t.revokedAt} is null`),
  ],
);

/**
 * Every password check, kept only as long as the throttling window needs it. Throttled
 * attempts are not stored here (they would extend the lock-out); they go to audit_events.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased as typed, whether or not an account has it. */
    email: text("email").notNull(),
    clientAddress: text("client_address").notNull(),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("sign_in_attempts_email_attempted").on(t.email, t.attemptedAt),
    index("sign_in_attempts_address_attempted").on(t.clientAddress, t.attemptedAt),
    check("sign_in_attempts_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Person = typeof people.$inferSelect;
export type ExamPass = typeof examPasses.$inferSelect;
export type RevenueLine = typeof revenueLines.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type SignInAttempt = typeof signInAttempts.$inferSelect;

export const submissionTiers = ["silver", "gold"] as const;
export type SubmissionTier = (typeof submissionTiers)[number];

export const submissionStatuses = ["submitted", "claimed", "changes_requested", "approved", "rejected", "withdrawn"] as const;
export type SubmissionStatus = (typeof submissionStatuses)[number];

/** A submission is open while a reviewer may still act on it: at most one per organization. */
export const openSubmissionStatuses = ["submitted", "claimed"] as const satisfies readonly SubmissionStatus[];

export const evidenceKinds = ["exam_pass", "revenue_line"] as const;
export type EvidenceKind = (typeof evidenceKinds)[number];

export const evidenceVerdicts = ["verified", "rejected"] as const;
export type EvidenceVerdict = (typeof evidenceVerdicts)[number];
/** How a reviewer checked an exam pass they verified. */
export const checkMethods = ["transcript", "certificate", "other"] as const;
export type CheckMethod = (typeof checkMethods)[number];

/**
 * A partner's application for a tier. The snapshot is the evidence as it stood on `as_of`
 * (see lib/data/snapshot.ts); a trigger refuses any change to it, so what was submitted is
 * what is reviewed whatever happens to the live records afterwards.
 */
export const submissions = pgTable(
  "submissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tier: text("tier").notNull(),
    status: text("status").notNull().default("submitted"),
    asOf: date("as_of", { mode: "string" }).notNull(),
    snapshot: jsonb("snapshot").notNull(),
    /** The submission whose requested changes this one answers. */
    previousSubmissionId: uuid("previous_submission_id"),
    /** 1 for an application, one more for each resubmission answering requested changes. */
    round: integer("round").notNull().default(1),
    submittedBy: uuid("submitted_by")
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    claimedBy: uuid("claimed_by").references(() => users.id),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The reviewer's message (changes requested) or reason (rejected). */
    message: text("message"),
    version,
    ...timestamps,
  },
  (t) => [
    foreignKey({
      name: "submissions_previous_submission",
      columns: [t.previousSubmissionId],
      foreignColumns: [t.id],
    }),
    // Requested changes are answered once: a second resubmission of the same one is refused.
    uniqueIndex("submissions_previous_once").on(t.previousSubmissionId),
    uniqueIndex("submissions_one_open_per_organization")
      .on(t.organizationId)
      .where(sql`${t.status} in (${oneOf(openSubmissionStatuses)})`),
    index("submissions_status_submitted").on(t.status, t.submittedAt),
    index("submissions_organization_submitted").on(t.organizationId, t.submittedAt),
    check("submissions_tier_known", sql`${t.tier} in (${oneOf(submissionTiers)})`),
    check("submissions_status_known", sql`${t.status} in (${oneOf(submissionStatuses)})`),
    // Withdrawal is only possible before a reviewer claims; every other state after submitted has one.
    check("submissions_claimed_when_reviewed", sql`(${t.status} in ('submitted', 'withdrawn')) = (${t.claimedBy} is null)`),
    check(
      "submissions_decided_when_final",
      sql`(${t.status} in ('approved', 'rejected', 'changes_requested')) = (${t.decidedBy} is not null and ${t.decidedAt} is not null)`,
    ),
    check(
      "submissions_message_when_sent_back",
      sql`${t.status} not in ('rejected', 'changes_requested') or length(trim(coalesce(${t.message}, ''))) > 0`,
    ),
  ],
);

/** A reviewer's verdict on one exam pass or revenue line of a submission's snapshot. */
export const evidenceReviews = pgTable(
  "evidence_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    itemKind: text("item_kind").notNull(),
    /** The live record's id, as the snapshot copied it (the record may since be gone). */
    itemId: uuid("item_id").notNull(),
    status: text("status").notNull(),
    reason: text("reason"),
    /** For a verified exam pass: how it was checked, with a note when by other means. */
    checkMethod: text("check_method"),
    checkNote: text("check_note"),
    reviewerId: uuid("reviewer_id")
      .notNull()
      .references(() => users.id),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The earlier submission whose verdict this is, carried forward because the evidence has
     * not changed since; null for a verdict given on this submission.
     */
    carriedFromSubmissionId: uuid("carried_from_submission_id").references((): AnyPgColumn => submissions.id, { onDelete: "cascade" }),
  },
  (t) => [
    unique("evidence_reviews_one_per_item").on(t.submissionId, t.itemKind, t.itemId),
    check("evidence_reviews_kind_known", sql`${t.itemKind} in (${oneOf(evidenceKinds)})`),
    check("evidence_reviews_status_known", sql`${t.status} in (${oneOf(evidenceVerdicts)})`),
    check("evidence_reviews_rejection_has_reason", sql`${t.status} <> 'rejected' or length(trim(coalesce(${t.reason}, ''))) > 0`),
    check("evidence_reviews_check_method_known", sql`${t.checkMethod} is null or ${t.checkMethod} in (${oneOf(checkMethods)})`),
    check(
      "evidence_reviews_check_of_verified_pass",
      sql`${t.checkMethod} is null or (${t.status} = 'verified' and ${t.itemKind} = 'exam_pass')`,
    ),
    check(
      "evidence_reviews_other_check_has_note",
      sql`coalesce(${t.checkMethod}, '') <> 'other' or length(trim(coalesce(${t.checkNote}, ''))) > 0`,
    ),
  ],
);

/** A tier granted by an approved submission, for one year from the award date. */
export const awards = pgTable(
  "awards",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    tier: text("tier").notNull(),
    awardedOn: date("awarded_on", { mode: "string" }).notNull(),
    anniversaryOn: date("anniversary_on", { mode: "string" }).notNull(),
    submissionId: uuid("submission_id")
      .notNull()
      .references(() => submissions.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("awards_one_per_submission").on(t.submissionId),
    index("awards_organization_awarded").on(t.organizationId, t.awardedOn),
    check("awards_tier_known", sql`${t.tier} in (${oneOf(submissionTiers)})`),
    check("awards_anniversary_after_award", sql`${t.anniversaryOn} > ${t.awardedOn}`),
  ],
);

export const alertKinds = ALERT_KINDS;

/**
 * What the daily watch found (lib/rules/watch.ts): one row per cause and threshold, open
 * until the cause no longer holds. The partial unique index is what makes an alert raised
 * once, whatever the retries, restarts and number of workers.
 */
export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    causeKey: text("cause_key").notNull(),
    tier: text("tier"),
    /** The day at stake: when the tier ends, the person leaves, the exam stops counting, the anniversary. */
    dueOn: date("due_on", { mode: "string" }),
    threshold: integer("threshold"),
    personIds: jsonb("person_ids").$type<string[]>().notNull().default([]),
    evidenceIds: jsonb("evidence_ids").$type<string[]>().notNull().default([]),
    /** What the alert's sentence names, as it stood when raised: people's names, the exam. */
    details: jsonb("details").$type<AlertDetails>().notNull().default({}),
    raisedOn: date("raised_on", { mode: "string" }).notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("alerts_open_once")
      .on(t.organizationId, t.causeKey)
      .where(sql`${t.resolvedAt} is null`),
    index("alerts_organization_raised").on(t.organizationId, t.raisedAt),
    check("alerts_kind_known", sql`${t.kind} in (${oneOf(alertKinds)})`),
  ],
);

export interface AlertDetails {
  personNames?: string[];
  examCode?: string | null;
}

/**
 * Each organization's evidence as the whole-program jobs read it (the watch, a draft's impact,
 * the census), kept by the database: a deferred trigger writes it once per transaction that moved
 * `evidence_revision`, from `organization_people_lines` and `organization_revenue_lines`
 * (drizzle/0016_organization_evidence.sql). A reader uses it only at the organization's current
 * revision (`organization_evidence_lines`), so a transaction still writing evidence reads its own
 * changes.
 */
export const organizationEvidence = pgTable("organization_evidence", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  revision: bigint("revision", { mode: "number" }).notNull(),
  people: text("people"),
  revenue: text("revenue"),
});

/** The tier the last watch found for each organization, and the day and evidence revision it looked at. */
export const organizationWatch = pgTable("organization_watch", {
  organizationId: uuid("organization_id")
    .primaryKey()
    .references(() => organizations.id, { onDelete: "cascade" }),
  tier: text("tier").notNull(),
  watchedOn: date("watched_on", { mode: "string" }).notNull(),
  revision: bigint("revision", { mode: "number" }).notNull(),
  watchedAt: timestamp("watched_at", { withTimezone: true }).notNull().defaultNow(),
});

export const alertDeliveryModes = ["immediate", "digest", "never"] as const;
export type AlertDeliveryMode = (typeof alertDeliveryModes)[number];

/** How a user wants each kind of alert by email; a kind without a row is sent at once. */
export const alertPreferences = pgTable(
  "alert_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    mode: text("mode").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    check("alert_preferences_kind_known", sql`${t.kind} in (${oneOf(alertKinds)})`),
    check("alert_preferences_mode_known", sql`${t.mode} in (${oneOf(alertDeliveryModes)})`),
  ],
);

/**
 * An alert's email owed to one user: sent at once or gathered in the weekly digest. Written
 * with the alert, in its transaction; `sent_at` is set once the mail is handed over.
 */
export const alertEmails = pgTable(
  "alert_emails",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    mode: text("mode").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    unique("alert_emails_once").on(t.alertId, t.userId),
    index("alert_emails_pending")
      .on(t.mode, t.userId)
      .where(sql`${t.sentAt} is null`),
    check("alert_emails_mode_known", sql`${t.mode} in ('immediate', 'digest')`),
  ],
);

export const notificationKinds = [
  "submission.submitted",
  "submission.claimed",
  "submission.changes_requested",
  "submission.approved",
  "submission.rejected",
  "alert",
  "program.published",
  "webhook.paused",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** An in-app notice to one user about a submission or an alert; read when `read_at` is set. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    submissionId: uuid("submission_id").references(() => submissions.id, { onDelete: "cascade" }),
    alertId: uuid("alert_id").references(() => alerts.id, { onDelete: "cascade" }),
    /** A published version that changes the organization's tier, and how (`ProgramChangeNotice`). */
    programVersionId: uuid("program_version_id").references(() => programVersions.id, { onDelete: "cascade" }),
    /** A webhook endpoint paused for failing. */
    webhookEndpointId: uuid("webhook_endpoint_id").references((): AnyPgColumn => webhookEndpoints.id, { onDelete: "cascade" }),
    detail: jsonb("detail"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    index("notifications_user_created").on(t.userId, t.createdAt),
    check("notifications_kind_known", sql`${t.kind} in (${oneOf(notificationKinds)})`),
    check("notifications_about_one_thing", sql`(${t.kind} = 'alert') = (${t.alertId} is not null and ${t.submissionId} is null)`),
    check(
      "notifications_program_version_present",
      sql`(${t.kind} = 'program.published') = (${t.programVersionId} is not null and ${t.submissionId} is null)`,
    ),
    check(
      "notifications_webhook_endpoint_present",
      sql`(${t.kind} = 'webhook.paused') = (${t.webhookEndpointId} is not null and ${t.submissionId} is null)`,
    ),
    check(
      "notifications_submission_present",
      sql`${t.kind} in ('alert', 'program.published', 'webhook.paused') or ${t.submissionId} is not null`,
    ),
  ],
);

export type Submission = typeof submissions.$inferSelect;
export type EvidenceReview = typeof evidenceReviews.$inferSelect;
export type Award = typeof awards.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
export type Alert = typeof alerts.$inferSelect;

export const programVersionStatuses = ["draft", "published", "withdrawn"] as const;
export type ProgramVersionStatus = (typeof programVersionStatuses)[number];

/**
 * The competency as data (shared/contracts/program-definition.md): one row per version, its
 * `definition` in the contract's JSON. A draft is edited by program administrators; once
 * published a version never changes (a trigger refuses it), and one that has not come into
 * force yet can only be withdrawn.
 */
export const programVersions = pgTable(
  "program_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programId: text("program_id").notNull(),
    versionId: text("version_id").notNull(),
    effectiveFrom: date("effective_from", { mode: "string" }),
    note: text("note").notNull().default(""),
    definition: jsonb("definition").notNull(),
    status: text("status").$type<ProgramVersionStatus>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: uuid("published_by").references(() => users.id, { onDelete: "set null" }),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    withdrawnBy: uuid("withdrawn_by").references(() => users.id, { onDelete: "set null" }),
    version,
    ...timestamps,
  },
  (t) => [
    uniqueIndex("program_versions_version_id")
      .on(t.programId, t.versionId)
      .where(sql`${t.status} <> 'withdrawn'`),
    uniqueIndex("program_versions_published_from")
      .on(t.programId, t.effectiveFrom)
      .where(sql`${t.status} = 'published'`),
    // One draft at a time: its impact is what the program administrators discuss.
    uniqueIndex("program_versions_one_draft")
      .on(t.programId)
      .where(sql`${t.status} = 'draft'`),
    check("program_versions_status_known", sql`${t.status} in (${oneOf(programVersionStatuses)})`),
    check("program_versions_published_when", sql`(${t.status} = 'draft') = (${t.publishedAt} is null)`),
    check("program_versions_withdrawn_when", sql`(${t.status} = 'withdrawn') = (${t.withdrawnAt} is not null)`),
  ],
);

export type ProgramVersionRow = typeof programVersions.$inferSelect;

export const impactRunStatuses = ["running", "done", "failed"] as const;

/**
 * One computation of a draft's impact on every organization, at one revision of the draft:
 * its progress while it runs (a job), then the organizations whose tier it changes.
 */
export const programImpactRuns = pgTable(
  "program_impact_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    programVersionId: uuid("program_version_id")
      .notNull()
      .references(() => programVersions.id, { onDelete: "cascade" }),
    /** The draft's `version` when the run started: a later edit makes the run out of date. */
    draftVersion: integer("draft_version").notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    status: text("status").notNull().default("running"),
    organizationsTotal: integer("organizations_total").notNull(),
    organizationsDone: integer("organizations_done").notNull().default(0),
    /** `ImpactedOrganization[]` (lib/data/program-impact.ts), filled when done. */
    result: jsonb("result"),
    error: text("error"),
    requestedBy: uuid("requested_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("program_impact_runs_version").on(t.programVersionId, t.createdAt),
    check("program_impact_runs_status_known", sql`${t.status} in (${oneOf(impactRunStatuses)})`),
  ],
);

export const apiTokenScopes = ["read", "read_write"] as const;
export type ApiTokenScope = (typeof apiTokenScopes)[number];

/**
 * An organization's API token. Only the SHA-256 of the secret is stored (the secret is 256
 * random bits, shown once), so a leaked table cannot be replayed. The request counter of the
 * current minute lives on the row, so every instance limits the same token alike.
 */
export const apiTokens = pgTable(
  "api_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    scope: text("scope").$type<ApiTokenScope>().notNull(),
    secretHash: text("secret_hash").notNull(),
    /** The secret's first characters, so its owner can tell which token a key in a config file is. */
    shownPrefix: text("shown_prefix").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    rateWindowStart: timestamp("rate_window_start", { withTimezone: true }),
    rateWindowCount: integer("rate_window_count").notNull().default(0),
  },
  (t) => [
    uniqueIndex("api_tokens_secret_hash").on(t.secretHash),
    index("api_tokens_organization_created").on(t.organizationId, t.createdAt),
    check("api_tokens_scope_known", sql`${t.scope} in (${oneOf(apiTokenScopes)})`),
    check("api_tokens_name_length", sql`length(${t.name}) between 1 and 80`),
    check("api_tokens_expiry_after_creation", sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * The first answer to a write sent with an Idempotency-Key, per token, kept for 24 hours:
 * the same key replayed gets it again and writes nothing more.
 */
export const apiIdempotencyKeys = pgTable(
  "api_idempotency_keys",
  {
    tokenId: uuid("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    /** What the request was (method, path, body): the same key on another request is refused. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.key] }), check("api_idempotency_keys_key_length", sql`length(${t.key}) between 1 and 200`)],
);

export const webhookEvents = ["tier.changed", "alert.raised", "evidence.verdict", "submission.decided"] as const;
export type WebhookEvent = (typeof webhookEvents)[number];
/** What a delivery carries: an event a partner picked, or the test an admin sends from the page. */
export type WebhookEventType = WebhookEvent | "webhook.test";

export const webhookEndpointStatuses = ["active", "paused"] as const;

/**
 * An HTTPS endpoint of an organization that receives the events it picked, signed with its own
 * secret per the Standard Webhooks specification (the secret is needed to sign, so it is kept).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: text("events").array().$type<WebhookEvent[]>().notNull(),
    secret: text("secret").notNull(),
    /** The secret a rotation replaced: deliveries are signed with it too until `previousSecretUntil`. */
    previousSecret: text("previous_secret"),
    previousSecretUntil: timestamp("previous_secret_until", { withTimezone: true }),
    status: text("status").$type<(typeof webhookEndpointStatuses)[number]>().notNull().default("active"),
    /** Failed attempts in a row; a success sets it back to 0, too many pause the endpoint. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id),
    version,
    ...timestamps,
  },
  (t) => [
    index("webhook_endpoints_organization").on(t.organizationId),
    check("webhook_endpoints_status_known", sql`${t.status} in (${oneOf(webhookEndpointStatuses)})`),
    check("webhook_endpoints_url_length", sql`length(${t.url}) between 1 and 2000`),
    check("webhook_endpoints_events_present", sql`cardinality(${t.events}) > 0`),
    check("webhook_endpoints_previous_secret_until", sql`(${t.previousSecret} is null) = (${t.previousSecretUntil} is null)`),
  ],
);

export const webhookDeliveryStatuses = ["pending", "retrying", "succeeded", "failed", "cancelled"] as const;
export type WebhookDeliveryStatus = (typeof webhookDeliveryStatuses)[number];

/**
 * One event for one endpoint, written in the transaction of the change it tells (an outbox):
 * the job queue sends it, and tries again with growing delays for 24 hours. A replay is a new
 * delivery of the same message (its `message_id`, the `webhook-id` header, stays).
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventType: text("event_type").$type<WebhookEventType>().notNull(),
    messageId: text("message_id").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status").$type<WebhookDeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When a job was asked for it; null while only the outbox holds it. */
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    lastDurationMs: integer("last_duration_ms"),
    lastError: text("last_error"),
    replayOf: uuid("replay_of").references((): AnyPgColumn => webhookDeliveries.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_endpoint_created").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_unqueued")
      .on(t.createdAt)
      .where(sql`${t.queuedAt} is null`),
    check("webhook_deliveries_status_known", sql`${t.status} in (${oneOf(webhookDeliveryStatuses)})`),
  ],
);

/** Every attempt of a delivery: when, the answer's status and how long it took, or why it failed. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
    statusCode: integer("status_code"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
  },
  (t) => [index("webhook_attempts_delivery").on(t.deliveryId, t.attemptedAt)],
);
