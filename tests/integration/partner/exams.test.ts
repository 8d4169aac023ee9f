import { beforeAll, expect, it } from "vitest";
import { organizations, people, users } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/data/errors";
import { deleteExamPass, listExamPasses, recordExamPass } from "@/lib/data/exams";
import { builtInProgram } from "@/lib/rules";
import { examPassInputFor } from "@/lib/schemas/exams";
import { describeOnEachDatabase } from "../support/database";

/** The field each problem is reported on, and its message key. */
function problems(input: Record<string, unknown>) {
  const result = examPassInputFor(builtInProgram).safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => [issue.path.join("."), issue.message]);
}

describeOnEachDatabase("exam passes", (database) => {
  let actor: { organizationId: string; actorId: string };
  let otherActor: { organizationId: string; actorId: string };
  let aliceId: string;

  beforeAll(async () => {
    const { db } = database();
    const [contoso, fabrikam] = await db
      .insert(organizations)
      .values([
        { name: "Contoso Ltd", mpnId: "4410021", market: "developed" },
        { name: "Fabrikam Inc", mpnId: "5520487", market: "developing" },
      ])
      .returning();
    const [alice] = await db.insert(people).values({ organizationId: contoso.id, name: "Alice" }).returning();
    aliceId = alice.id;
    const admins = await db
      .insert(users)
      .values(
        [contoso, fabrikam].map((organization) => ({
          email: `admin@${organization.mpnId}.example`,
          displayName: "Admin",
          passwordHash: "x",
          role: "partner_admin",
          organizationId: organization.id,
        })),
      )
      .returning();
    actor = { organizationId: contoso.id, actorId: admins[0].id };
    otherActor = { organizationId: fabrikam.id, actorId: admins[1].id };
  });

  it("accepts MB2-717 passed on a real past date, matching the code whatever its case", () => {
    const parsed = examPassInputFor(builtInProgram).parse({
      personId: "00000000-0000-4000-8000-000000000001",
      code: " mb2-717 ",
      passedOn: "2018-02-01",
      certificationRef: "",
    });
    expect(parsed).toMatchObject({ code: "MB2-717", passedOn: "2018-02-01", certificationRef: null });
  });

  it("refuses, on the field concerned, a pass the rules would reject", () => {
    const personId = "00000000-0000-4000-8000-000000000001";
    expect(problems({ personId, code: "MB2-999", passedOn: "2018-02-01" })).toEqual([["code", "exams.errors.unknownExam"]]);
    // seed: MB2-877 is available from January 2018.
    expect(problems({ personId, code: "MB2-877", passedOn: "2017-12-31" })).toEqual([["passedOn", "exams.errors.notYetAvailable"]]);
    // seed: MB2-709 retired on 31 December 2017.
    expect(problems({ personId, code: "MB2-709", passedOn: "2018-01-01" })).toEqual([["passedOn", "exams.errors.retired"]]);
    expect(problems({ personId, code: "MB2-717", passedOn: "2999-01-01" })).toEqual([["passedOn", "exams.errors.future"]]);
    expect(problems({ personId, code: "MB2-717", passedOn: "2018-02-30" }).map(([path]) => path)).toEqual(["passedOn"]);
  });

  it("tells a field left empty only that, not what the catalogue would make of it", () => {
    const personId = "00000000-0000-4000-8000-000000000001";
    expect(problems({ personId, code: "", passedOn: "" }).map(([path]) => path)).toEqual(["code", "passedOn"]);
    expect(problems({ personId, code: "", passedOn: "2999-01-01" })).toEqual([
      ["code", expect.any(String)],
      ["passedOn", "exams.errors.future"],
    ]);
    expect(problems({ personId, code: "MB2-717", passedOn: "" })).toHaveLength(1);
  });

  it("records a pass once and refuses the same pass on the same day again", async () => {
    const { db } = database();
    const input = examPassInputFor(builtInProgram).parse({ personId: aliceId, code: "MB2-717", passedOn: "2018-02-01" });
    const pass = await recordExamPass(db, actor, input);
    expect(pass).toMatchObject({ examCode: "MB2-717", verificationStatus: "unverified", version: 1 });
    const again = recordExamPass(db, actor, input);
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ details: { field: "passedOn", messageKey: "exams.errors.duplicate" } });
    expect((await listExamPasses(db, actor.organizationId)).rows).toHaveLength(1);
  });

  it("never records or deletes a pass across organizations", async () => {
    const { db } = database();
    const input = examPassInputFor(builtInProgram).parse({ personId: aliceId, code: "MB2-710", passedOn: "2018-03-01" });
    await expect(recordExamPass(db, otherActor, input)).rejects.toBeInstanceOf(NotFoundError);
    const {
      rows: [pass],
    } = await listExamPasses(db, actor.organizationId);
    await expect(deleteExamPass(db, otherActor, { id: pass.id, version: pass.version })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listExamPasses(db, actor.organizationId)).rows).toHaveLength(1);
  });

  it("deletes a pass only at the version the page showed", async () => {
    const { db } = database();
    const {
      rows: [pass],
    } = await listExamPasses(db, actor.organizationId);
    await expect(deleteExamPass(db, actor, { id: pass.id, version: pass.version + 1 })).rejects.toBeInstanceOf(ConflictError);
    await deleteExamPass(db, actor, { id: pass.id, version: pass.version });
    expect((await listExamPasses(db, actor.organizationId)).total).toBe(0);
  });
});
