ALTER TABLE "people" ADD COLUMN "mcid_confirmed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "mcid_confirmed_by" uuid;--> statement-breakpoint
ALTER TABLE "people" ADD CONSTRAINT "people_mcid_confirmed_by_users_id_fk" FOREIGN KEY ("mcid_confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "people_mcid" ON "people" USING btree ("mcid");