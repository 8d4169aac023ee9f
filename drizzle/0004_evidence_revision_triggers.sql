-- Any change to the evidence of an organization moves its evidence_revision, so that an
-- evaluation cached at one revision is known to be stale as soon as anything it read changes.
-- Statement-level triggers with transition tables: a 50,000-row import bumps it once.
CREATE FUNCTION bump_evidence_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE organizations SET evidence_revision = evidence_revision + 1
  WHERE id IN (SELECT organization_id FROM changed_rows);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER people_insert_bumps_revision
  AFTER INSERT ON people REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER people_update_bumps_revision
  AFTER UPDATE ON people REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER people_delete_bumps_revision
  AFTER DELETE ON people REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER exam_passes_insert_bumps_revision
  AFTER INSERT ON exam_passes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER exam_passes_update_bumps_revision
  AFTER UPDATE ON exam_passes REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER exam_passes_delete_bumps_revision
  AFTER DELETE ON exam_passes REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER revenue_lines_insert_bumps_revision
  AFTER INSERT ON revenue_lines REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER revenue_lines_update_bumps_revision
  AFTER UPDATE ON revenue_lines REFERENCING NEW TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
--> statement-breakpoint
CREATE TRIGGER revenue_lines_delete_bumps_revision
  AFTER DELETE ON revenue_lines REFERENCING OLD TABLE AS changed_rows
  FOR EACH STATEMENT EXECUTE FUNCTION bump_evidence_revision();
