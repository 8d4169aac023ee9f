import "../auth/auth-secret";
import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { evidenceReviews, examPasses } from "@/db/schema";
import { recordExamPass } from "@/lib/actions/exams";
import { recordVerdict } from "@/lib/actions/review";
import { today } from "@/lib/clock";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { claimSubmission, getCase } from "@/lib/data/review";
import { submitApplication } from "@/lib/data/submissions";
import { addDays } from "@/lib/rules";
import { formData } from "../../support/form-data";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { clearForNewApplication, memoryMailer } from "./support";

describeOnEachDatabase("transcripts, and how a reviewer checked a pass", (database) => {
  let world: DemoWorld;

  beforeAll(async () => {
    world = await demoWorld(database());
    memoryMailer();
    await clearForNewApplication(world.db, world.contosoId);
  });

  const recordPass = (fields: Record<string, string>) =>
    runAs(
      world.users.employee,
      () =>
        recordExamPass(
          null,
          formData({ personId: world.users.employee.personId ?? "", code: "MB2-715", passedOn: addDays(today(), -40), ...fields }),
        ),
      { locale: "en" },
    );

  it("keeps a pass's transcript id and sharing code, and says what is wrong with one, at its field", async () => {
    const badShape = await recordPass({ transcriptId: "977 193" });
    expect(badShape).toMatchObject({
      ok: false,
      fieldErrors: { transcriptId: ["Letters, digits and dashes only, as Microsoft writes it."] },
    });
    const codeAlone = await recordPass({ transcriptCode: "tmgc7f" });
    expect(codeAlone).toMatchObject({ ok: false, fieldErrors: { transcriptId: ["Give the transcript id that this sharing code opens."] } });

    const recorded = await recordPass({ transcriptId: "977193", transcriptCode: "tmgc7f" });
    expect(recorded.ok).toBe(true);
    const [stored] = await world.db
      .select({ transcriptId: examPasses.transcriptId, transcriptCode: examPasses.transcriptCode })
      .from(examPasses)
      .where(and(eq(examPasses.personId, world.users.employee.personId ?? ""), eq(examPasses.examCode, "MB2-715")));
    expect(stored).toEqual({ transcriptId: "977193", transcriptCode: "tmgc7f" });
  });

  it("records how each verified pass was checked, by whom and when; 'other' needs a note", async () => {
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "silver", today());
    await claimSubmission(world.db, world.users.reviewer, id);
    const found = await getCase(world.db, world.users.reviewer, id);
    // The snapshot carries the transcript to the reviewer.
    expect(
      found.snapshot.examPasses.find((pass) => pass.code === "MB2-715" && pass.personId === world.users.employee.personId),
    ).toMatchObject({
      transcriptId: "977193",
      transcriptCode: "tmgc7f",
    });
    const [passId] = evaluateCase(found.snapshot, "silver", [], "en").toReview.examPassIds;
    const verify = (fields: Record<string, string>) =>
      runAs(
        world.users.reviewer,
        () => recordVerdict(null, formData({ submissionId: id, itemKind: "exam_pass", itemId: passId, status: "verified", ...fields })),
        { locale: "en" },
      );

    expect(await verify({})).toMatchObject({ ok: false, fieldErrors: { checkMethod: ["Say how you checked this exam pass."] } });
    expect(await verify({ checkMethod: "other" })).toMatchObject({ ok: false, fieldErrors: { checkNote: ["Say how you checked it."] } });
    expect(await verify({ checkMethod: "scanned" })).toMatchObject({
      ok: false,
      fieldErrors: { checkMethod: [expect.any(String)] as unknown },
    });
    expect(await world.db.select().from(evidenceReviews).where(eq(evidenceReviews.submissionId, id))).toEqual([]);

    expect((await verify({ checkMethod: "other", checkNote: "Called the exam provider" })).ok).toBe(true);
    const [verdict] = (await getCase(world.db, world.users.reviewer, id)).verdicts;
    expect(verdict).toMatchObject({
      itemId: passId,
      status: "verified",
      checkMethod: "other",
      checkNote: "Called the exam provider",
      reviewerName: "Rita Reviewer",
    });
    expect(verdict.reviewedAt).toBeInstanceOf(Date);

    // Checked again by its transcript: the verdict says so, and the note of the other way is gone.
    expect((await verify({ checkMethod: "transcript", checkNote: "left over" })).ok).toBe(true);
    expect((await getCase(world.db, world.users.reviewer, id)).verdicts[0]).toMatchObject({ checkMethod: "transcript", checkNote: null });
  });
});
