CREATE TABLE "awards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"awarded_on" date NOT NULL,
	"anniversary_on" date NOT NULL,
	"submission_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "awards_one_per_submission" UNIQUE("submission_id"),
	CONSTRAINT "awards_tier_known" CHECK ("awards"."tier" in ('silver', 'gold')),
	CONSTRAINT "awards_anniversary_after_award" CHECK ("awards"."anniversary_on" > "awards"."awarded_on")
);
--> statement-breakpoint
CREATE TABLE "evidence_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"item_kind" text NOT NULL,
	"item_id" uuid NOT NULL,
	"status" text NOT NULL,
	"reason" text,
	"reviewer_id" uuid NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evidence_reviews_one_per_item" UNIQUE("submission_id","item_kind","item_id"),
	CONSTRAINT "evidence_reviews_kind_known" CHECK ("evidence_reviews"."item_kind" in ('exam_pass', 'revenue_line')),
	CONSTRAINT "evidence_reviews_status_known" CHECK ("evidence_reviews"."status" in ('verified', 'rejected')),
	CONSTRAINT "evidence_reviews_rejection_has_reason" CHECK ("evidence_reviews"."status" <> 'rejected' or length(trim(coalesce("evidence_reviews"."reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"submission_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notifications_kind_known" CHECK ("notifications"."kind" in ('submission.submitted', 'submission.claimed', 'submission.changes_requested', 'submission.approved', 'submission.rejected'))
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"as_of" date NOT NULL,
	"snapshot" jsonb NOT NULL,
	"previous_submission_id" uuid,
	"submitted_by" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"claimed_by" uuid,
	"claimed_at" timestamp with time zone,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"message" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "submissions_tier_known" CHECK ("submissions"."tier" in ('silver', 'gold')),
	CONSTRAINT "submissions_status_known" CHECK ("submissions"."status" in ('submitted', 'claimed', 'changes_requested', 'approved', 'rejected', 'withdrawn')),
	CONSTRAINT "submissions_claimed_when_reviewed" CHECK (("submissions"."status" in ('submitted', 'withdrawn')) = ("submissions"."claimed_by" is null)),
	CONSTRAINT "submissions_decided_when_final" CHECK (("submissions"."status" in ('approved', 'rejected', 'changes_requested')) = ("submissions"."decided_by" is not null and "submissions"."decided_at" is not null)),
	CONSTRAINT "submissions_message_when_sent_back" CHECK ("submissions"."status" not in ('rejected', 'changes_requested') or length(trim(coalesce("submissions"."message", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "awards" ADD CONSTRAINT "awards_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD CONSTRAINT "evidence_reviews_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD CONSTRAINT "evidence_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_submission_id_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_claimed_by_users_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_previous_submission" FOREIGN KEY ("previous_submission_id") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "awards_organization_awarded" ON "awards" USING btree ("organization_id","awarded_on");--> statement-breakpoint
CREATE INDEX "notifications_user_created" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_previous_once" ON "submissions" USING btree ("previous_submission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_one_open_per_organization" ON "submissions" USING btree ("organization_id") WHERE "submissions"."status" in ('submitted', 'claimed');--> statement-breakpoint
CREATE INDEX "submissions_status_submitted" ON "submissions" USING btree ("status","submitted_at");--> statement-breakpoint
CREATE INDEX "submissions_organization_submitted" ON "submissions" USING btree ("organization_id","submitted_at");