CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_action_present" CHECK (length("audit_events"."action") > 0)
);
--> statement-breakpoint
CREATE TABLE "exam_passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"person_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"exam_code" text NOT NULL,
	"passed_on" date NOT NULL,
	"certification_ref" text,
	"verification_status" text DEFAULT 'unverified' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exam_passes_person_exam_date" UNIQUE("person_id","exam_code","passed_on"),
	CONSTRAINT "exam_passes_code_shape" CHECK ("exam_passes"."exam_code" ~ '^[A-Z0-9]+-[A-Z0-9]+$'),
	CONSTRAINT "exam_passes_verification_known" CHECK ("exam_passes"."verification_status" in ('unverified', 'verified', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"mpn_id" text NOT NULL,
	"market" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_mpn_id_unique" UNIQUE("mpn_id"),
	CONSTRAINT "organizations_name_present" CHECK (length(trim("organizations"."name")) > 0),
	CONSTRAINT "organizations_mpn_id_digits" CHECK ("organizations"."mpn_id" ~ '^[0-9]{1,12}$'),
	CONSTRAINT "organizations_market_known" CHECK ("organizations"."market" in ('developed', 'developing'))
);
--> statement-breakpoint
CREATE TABLE "people" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"mcid" text,
	"left_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "people_organization_mcid" UNIQUE("organization_id","mcid"),
	CONSTRAINT "people_id_organization" UNIQUE("id","organization_id"),
	CONSTRAINT "people_name_present" CHECK (length(trim("people"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "revenue_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"customer_name" text NOT NULL,
	"product" text NOT NULL,
	"amount_cents" bigint NOT NULL,
	"booked_on" date NOT NULL,
	"dpor_associated" boolean NOT NULL,
	"reference" text NOT NULL,
	"verification_status" text DEFAULT 'unverified' NOT NULL,
	"verified_by" uuid,
	"verified_at" timestamp with time zone,
	"recorded_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "revenue_lines_organization_reference" UNIQUE("organization_id","reference"),
	CONSTRAINT "revenue_lines_customer_present" CHECK (length(trim("revenue_lines"."customer_name")) > 0),
	CONSTRAINT "revenue_lines_reference_present" CHECK (length(trim("revenue_lines"."reference")) > 0),
	CONSTRAINT "revenue_lines_verification_known" CHECK ("revenue_lines"."verification_status" in ('unverified', 'verified', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"organization_id" uuid,
	"person_id" uuid,
	"disabled" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_known" CHECK ("users"."role" in ('partner_admin', 'employee', 'reviewer')),
	CONSTRAINT "users_organization_matches_role" CHECK (("users"."role" = 'reviewer') = ("users"."organization_id" is null)),
	CONSTRAINT "users_person_only_for_partners" CHECK ("users"."person_id" is null or "users"."role" <> 'reviewer'),
	CONSTRAINT "users_email_shape" CHECK ("users"."email" ~ '^[^@[:space:]]+@[^@[:space:]]+$')
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_passes" ADD CONSTRAINT "exam_passes_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_passes" ADD CONSTRAINT "exam_passes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exam_passes" ADD CONSTRAINT "exam_passes_person_in_organization" FOREIGN KEY ("person_id","organization_id") REFERENCES "public"."people"("id","organization_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_lines" ADD CONSTRAINT "revenue_lines_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_lines" ADD CONSTRAINT "revenue_lines_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "revenue_lines" ADD CONSTRAINT "revenue_lines_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_events_organization_created" ON "audit_events" USING btree ("organization_id","created_at");--> statement-breakpoint
CREATE INDEX "exam_passes_organization" ON "exam_passes" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "people_organization_name" ON "people" USING btree ("organization_id","name");--> statement-breakpoint
CREATE INDEX "revenue_lines_organization_booked_on" ON "revenue_lines" USING btree ("organization_id","booked_on");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower" ON "users" USING btree (lower("email"));