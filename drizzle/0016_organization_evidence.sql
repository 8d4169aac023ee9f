CREATE TABLE "organization_evidence" (
	"organization_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL,
	"people" text,
	"revenue" text
);
--> statement-breakpoint
ALTER TABLE "organization_evidence" ADD CONSTRAINT "organization_evidence_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- An organization's people, one line each by name: `id leftOn|- code day code day …`, its passes
-- in no order (lib/data/evidence.ts `peopleOf` reads it back). Dates are written in ISO form
-- whatever the session's DateStyle.
CREATE FUNCTION organization_people_lines(organization uuid) RETURNS text
LANGUAGE sql STABLE SET datestyle TO 'ISO, YMD' AS $$
  SELECT string_agg(staff.line, E'\n' ORDER BY staff.name, staff.id)
  FROM (
    SELECT person.name, person.id, concat_ws(' ', person.id, coalesce(person.left_on::text, '-'), passes.exams) AS line
    FROM people AS person
    LEFT JOIN (
      SELECT pass.person_id, string_agg(pass.exam_code || ' ' || pass.passed_on::text, ' ') AS exams
      FROM exam_passes AS pass
      WHERE pass.organization_id = organization
      GROUP BY pass.person_id
    ) AS passes ON passes.person_id = person.id
    WHERE person.organization_id = organization
  ) AS staff
$$;
--> statement-breakpoint
-- An organization's revenue lines, one each by date: `id cents bookedOn t|f product`, without the
-- customer, which no rule reads (`revenueOf` reads it back). The product, free text, comes last,
-- with its backslashes and line breaks escaped (`\\`, `\n`).
CREATE FUNCTION organization_revenue_lines(organization uuid) RETURNS text
LANGUAGE sql STABLE SET datestyle TO 'ISO, YMD' AS $$
  SELECT string_agg(concat_ws(' ', line.id, line.amount_cents, line.booked_on, CASE WHEN line.dpor_associated THEN 't' ELSE 'f' END,
      replace(replace(line.product, E'\\', E'\\\\'), E'\n', E'\\n')), E'\n' ORDER BY line.booked_on, line.id)
  FROM revenue_lines AS line
  WHERE line.organization_id = organization
$$;
--> statement-breakpoint
-- An organization's evidence lines at its current revision: as stored, or, where the stored ones
-- are older (read by the transaction that is changing the evidence), as they are now.
CREATE FUNCTION organization_evidence_lines(organization uuid, OUT people text, OUT revenue text)
LANGUAGE sql STABLE AS $$
  SELECT
    CASE WHEN stored.revision = org.evidence_revision THEN stored.people ELSE organization_people_lines(org.id) END,
    CASE WHEN stored.revision = org.evidence_revision THEN stored.revenue ELSE organization_revenue_lines(org.id) END
  FROM organizations AS org
  LEFT JOIN organization_evidence AS stored ON stored.organization_id = org.id
  WHERE org.id = organization
$$;
--> statement-breakpoint
-- Stores an organization's evidence lines once its evidence moved, when the transaction commits:
-- the first of the transaction's events for it stores them at its last revision and the others
-- find them stored, so a 50,000-row import writes them once. The transaction holds the
-- organization's row since it moved its revision: no other change of the same evidence commits
-- before this one does, and this statement sees every one that committed earlier.
CREATE FUNCTION store_organization_evidence() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO organization_evidence AS stored (organization_id, revision, people, revenue)
  SELECT org.id, org.evidence_revision, organization_people_lines(org.id), organization_revenue_lines(org.id)
  FROM organizations AS org
  WHERE org.id = NEW.id
    AND NOT EXISTS (
      SELECT 1 FROM organization_evidence AS done
      WHERE done.organization_id = org.id AND done.revision = org.evidence_revision
    )
  ON CONFLICT (organization_id) DO UPDATE
    SET revision = excluded.revision, people = excluded.people, revenue = excluded.revenue;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER organizations_store_evidence
  AFTER UPDATE OF evidence_revision ON organizations
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (OLD.evidence_revision IS DISTINCT FROM NEW.evidence_revision)
  EXECUTE FUNCTION store_organization_evidence();
--> statement-breakpoint
INSERT INTO organization_evidence (organization_id, revision, people, revenue)
SELECT id, evidence_revision, organization_people_lines(id), organization_revenue_lines(id) FROM organizations;
