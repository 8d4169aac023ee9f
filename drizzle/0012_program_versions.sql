CREATE TABLE "program_impact_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_version_id" uuid NOT NULL,
	"draft_version" integer NOT NULL,
	"as_of" date NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"organizations_total" integer NOT NULL,
	"organizations_done" integer DEFAULT 0 NOT NULL,
	"result" jsonb,
	"error" text,
	"requested_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "program_impact_runs_status_known" CHECK ("program_impact_runs"."status" in ('running', 'done', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "program_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"program_id" text NOT NULL,
	"version_id" text NOT NULL,
	"effective_from" date,
	"note" text DEFAULT '' NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "program_versions_status_known" CHECK ("program_versions"."status" in ('draft', 'published', 'withdrawn')),
	CONSTRAINT "program_versions_published_when" CHECK (("program_versions"."status" = 'draft') = ("program_versions"."published_at" is null)),
	CONSTRAINT "program_versions_withdrawn_when" CHECK (("program_versions"."status" = 'withdrawn') = ("program_versions"."withdrawn_at" is not null))
);
--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_kind_known";--> statement-breakpoint
ALTER TABLE "notifications" DROP CONSTRAINT "notifications_submission_present";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_role_known";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_organization_matches_role";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_person_only_for_partners";--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "program_version_id" uuid;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "detail" jsonb;--> statement-breakpoint
ALTER TABLE "program_impact_runs" ADD CONSTRAINT "program_impact_runs_program_version_id_program_versions_id_fk" FOREIGN KEY ("program_version_id") REFERENCES "public"."program_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_impact_runs" ADD CONSTRAINT "program_impact_runs_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_versions" ADD CONSTRAINT "program_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_versions" ADD CONSTRAINT "program_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_versions" ADD CONSTRAINT "program_versions_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "program_impact_runs_version" ON "program_impact_runs" USING btree ("program_version_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "program_versions_version_id" ON "program_versions" USING btree ("program_id","version_id") WHERE "program_versions"."status" <> 'withdrawn';--> statement-breakpoint
CREATE UNIQUE INDEX "program_versions_published_from" ON "program_versions" USING btree ("program_id","effective_from") WHERE "program_versions"."status" = 'published';--> statement-breakpoint
CREATE UNIQUE INDEX "program_versions_one_draft" ON "program_versions" USING btree ("program_id") WHERE "program_versions"."status" = 'draft';--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_program_version_id_program_versions_id_fk" FOREIGN KEY ("program_version_id") REFERENCES "public"."program_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_program_version_present" CHECK (("notifications"."kind" = 'program.published') = ("notifications"."program_version_id" is not null and "notifications"."submission_id" is null));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_kind_known" CHECK ("notifications"."kind" in ('submission.submitted', 'submission.claimed', 'submission.changes_requested', 'submission.approved', 'submission.rejected', 'alert', 'program.published'));--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_submission_present" CHECK ("notifications"."kind" in ('alert', 'program.published') or "notifications"."submission_id" is not null);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_role_known" CHECK ("users"."role" in ('partner_admin', 'employee', 'reviewer', 'program_admin'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_organization_matches_role" CHECK (("users"."role" in ('reviewer', 'program_admin')) = ("users"."organization_id" is null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_person_only_for_partners" CHECK ("users"."person_id" is null or "users"."role" not in ('reviewer', 'program_admin'));--> statement-breakpoint
-- A version that is published is the program as partners were evaluated under it: only a
-- version not yet in force may be withdrawn (lib/data/program-versions.ts checks the date),
-- and nothing else of it ever changes.
CREATE FUNCTION program_versions_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF OLD.status <> 'draft' THEN
      RAISE EXCEPTION 'a published program version is never deleted (version %)', OLD.version_id
        USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN OLD;
  END IF;
  IF OLD.status = 'draft' THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'withdrawn'
     OR NEW.status <> 'withdrawn'
     OR NEW.definition IS DISTINCT FROM OLD.definition
     OR NEW.effective_from IS DISTINCT FROM OLD.effective_from
     OR NEW.version_id IS DISTINCT FROM OLD.version_id
     OR NEW.program_id IS DISTINCT FROM OLD.program_id
     OR NEW.note IS DISTINCT FROM OLD.note
     OR NEW.published_at IS DISTINCT FROM OLD.published_at
     OR NEW.published_by IS DISTINCT FROM OLD.published_by THEN
    RAISE EXCEPTION 'a published program version is immutable (version %)', OLD.version_id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER program_versions_immutable
  BEFORE UPDATE OR DELETE ON program_versions
  FOR EACH ROW EXECUTE FUNCTION program_versions_refuse_change();
--> statement-breakpoint
-- The built-in Cloud CRM definition (lib/rules/cloud-crm.ts) is the first version, in force
-- since always; tests/integration/program/versions.test.ts keeps the two the same.
INSERT INTO program_versions (program_id, version_id, effective_from, note, definition, status, published_at)
VALUES ('cloud-crm', 'v1', NULL, 'As published in November 2017', '{"title":{"en":"Cloud Customer Relationship Management","fr":"Gestion de la relation client dans le cloud"},"catalogue":[{"code":"MB2-714","group":"application","title":{"en":"Dynamics CRM Customer Service","fr":"Service clientèle Dynamics CRM"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-713","group":"application","title":{"en":"Microsoft Dynamics CRM 2016 Sales","fr":"Ventes Microsoft Dynamics CRM 2016"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-709","group":"application","title":{"en":"Dynamics CRM Marketing","fr":"Dynamics CRM Marketing"},"availableFrom":null,"retiredOn":"2017-12-31","acceptedUntil":"2018-12-31"},{"code":"MB2-717","group":"application","title":{"en":"Microsoft Dynamics 365 for Sales","fr":"Microsoft Dynamics 365 for Sales"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-718","group":"application","title":{"en":"Microsoft Dynamics 365 for Customer Service","fr":"Microsoft Dynamics 365 for Customer Service"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-877","group":"application","title":{"en":"Microsoft Dynamics 365 for Field Service","fr":"Microsoft Dynamics 365 for Field Service"},"availableFrom":"2018-01-01","retiredOn":null,"acceptedUntil":null},{"code":"MB2-710","group":"deployment","title":{"en":"Microsoft Dynamics CRM Online Deployment (2015)","fr":"Déploiement de Microsoft Dynamics CRM Online (2015)"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-706","group":"deployment","title":{"en":"Microsoft Dynamics CRM Online Deployment","fr":"Déploiement de Microsoft Dynamics CRM Online"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-715","group":"deployment","title":{"en":"Microsoft Dynamics 365 Customer Engagement Online Deployment","fr":"Déploiement en ligne d’engagement client Microsoft Dynamics 365"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-712","group":"customization","title":{"en":"Microsoft Dynamics CRM 2016 Customization and Configuration","fr":"Personnalisation et configuration de Microsoft Dynamics CRM 2016"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-707","group":"customization","title":{"en":"Microsoft Dynamics CRM Customization and Configuration","fr":"Personnalisation et configuration de Microsoft Dynamics CRM"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null},{"code":"MB2-716","group":"customization","title":{"en":"Microsoft Dynamics 365 Customization and Configuration","fr":"Personnalisation et configuration de Microsoft Dynamics 365"},"availableFrom":null,"retiredOn":null,"acceptedUntil":null}],"groups":[{"id":"application","title":{"en":"application","fr":"application"}},{"id":"deployment","title":{"en":"deployment","fr":"déploiement"}},{"id":"customization","title":{"en":"customization","fr":"personnalisation"}}],"roles":[{"id":"application-deployment","title":{"en":"Application + deployment","fr":"Application + déploiement"},"groups":["application","deployment"]},{"id":"customization","title":{"en":"Customization","fr":"Personnalisation"},"groups":["customization"]}],"markets":["developed","developing"],"tiers":[{"id":"silver","title":{"en":"Silver","fr":"Argent"},"slots":{"application-deployment":1,"customization":1},"revenueThresholdUsd":{"developed":100000,"developing":100000}},{"id":"gold","title":{"en":"Gold","fr":"Or"},"slots":{"application-deployment":2,"customization":2},"revenueThresholdUsd":{"developed":100000,"developing":100000}}],"revenueWindowYears":1,"countingProducts":["crm-online","d365-ce-plan-1"]}'::jsonb, 'published', now());
