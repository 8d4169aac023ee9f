-- What a partner submitted is evidence: the snapshot and what it applies for never change
-- after the insert, whatever a later bug or a hand-written UPDATE tries.
CREATE FUNCTION submissions_refuse_snapshot_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.snapshot IS DISTINCT FROM OLD.snapshot
     OR NEW.as_of IS DISTINCT FROM OLD.as_of
     OR NEW.tier IS DISTINCT FROM OLD.tier
     OR NEW.organization_id IS DISTINCT FROM OLD.organization_id
     OR NEW.previous_submission_id IS DISTINCT FROM OLD.previous_submission_id
     OR NEW.submitted_by IS DISTINCT FROM OLD.submitted_by
     OR NEW.submitted_at IS DISTINCT FROM OLD.submitted_at THEN
    RAISE EXCEPTION 'a submission''s snapshot is immutable (submission %)', OLD.id
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER submissions_snapshot_immutable
  BEFORE UPDATE ON submissions
  FOR EACH ROW EXECUTE FUNCTION submissions_refuse_snapshot_change();
