ALTER TABLE "evidence_reviews" ADD COLUMN "carried_from_submission_id" uuid;--> statement-breakpoint
ALTER TABLE "exam_passes" ADD COLUMN "verification_reason" text;--> statement-breakpoint
ALTER TABLE "revenue_lines" ADD COLUMN "verification_reason" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "round" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD CONSTRAINT "evidence_reviews_carried_from_submission_id_submissions_id_fk" FOREIGN KEY ("carried_from_submission_id") REFERENCES "public"."submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Existing resubmissions take their place in their chain of rounds.
WITH RECURSIVE chain AS (
  SELECT id, 1 AS round FROM submissions WHERE previous_submission_id IS NULL
  UNION ALL
  SELECT s.id, chain.round + 1 FROM submissions s JOIN chain ON s.previous_submission_id = chain.id
)
UPDATE submissions SET round = chain.round FROM chain WHERE submissions.id = chain.id AND chain.round > 1;
