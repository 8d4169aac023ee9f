ALTER TABLE "evidence_reviews" ADD COLUMN "check_method" text;--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD COLUMN "check_note" text;--> statement-breakpoint
ALTER TABLE "exam_passes" ADD COLUMN "transcript_id" text;--> statement-breakpoint
ALTER TABLE "exam_passes" ADD COLUMN "transcript_code" text;--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD CONSTRAINT "evidence_reviews_check_method_known" CHECK ("evidence_reviews"."check_method" is null or "evidence_reviews"."check_method" in ('transcript', 'certificate', 'other'));--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD CONSTRAINT "evidence_reviews_check_of_verified_pass" CHECK ("evidence_reviews"."check_method" is null or ("evidence_reviews"."status" = 'verified' and "evidence_reviews"."item_kind" = 'exam_pass'));--> statement-breakpoint
ALTER TABLE "evidence_reviews" ADD CONSTRAINT "evidence_reviews_other_check_has_note" CHECK (coalesce("evidence_reviews"."check_method", '') <> 'other' or length(trim(coalesce("evidence_reviews"."check_note", ''))) > 0);--> statement-breakpoint
ALTER TABLE "exam_passes" ADD CONSTRAINT "exam_passes_transcript_code_with_id" CHECK ("exam_passes"."transcript_code" is null or "exam_passes"."transcript_id" is not null);