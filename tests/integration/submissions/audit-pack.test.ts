import "../auth/auth-secret";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { asc, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeAll, expect, it } from "vitest";
import { GET as auditPack } from "@/app/api/submissions/[id]/audit-pack/route";
import { revenueLines } from "@/db/schema";
import { today } from "@/lib/clock";
import { evaluateCase } from "@/lib/data/case-evaluation";
import { decideSubmission, recordVerdict } from "@/lib/data/decisions";
import { claimSubmission, getCase } from "@/lib/data/review";
import { submitApplication } from "@/lib/data/submissions";
import type { SessionUser } from "@/lib/auth/session-user";
import { runAs } from "../../support/request-context";
import { demoWorld, type DemoWorld } from "../auth/support";
import { describeOnEachDatabase } from "../support/database";
import { clearForNewApplication, memoryMailer, verifyEverythingLeft } from "./support";

const tsx = join(process.cwd(), "node_modules/.bin/tsx");

/** `npm run rules -- evaluate FILE --program program.json` on a file of the pack, as an auditor would run it. */
function evaluateWithCli(folder: string, name: string, text: string): unknown {
  const file = join(folder, name);
  writeFileSync(file, text);
  const program = join(folder, "program.json");
  const result = spawnSync(tsx, ["scripts/rules.ts", "evaluate", file, "--program", program], { encoding: "utf8" });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout);
}

describeOnEachDatabase("the audit pack of a decision", (database) => {
  let world: DemoWorld;
  let submissionId: string;
  let rejectedLine: string;

  const download = (user: SessionUser | null, id = submissionId, locale?: "fr") =>
    runAs(
      user,
      () => auditPack(new NextRequest(`http://portal.test/api/submissions/${id}/audit-pack`), { params: Promise.resolve({ id }) }),
      {
        locale,
      },
    );

  beforeAll(async () => {
    world = await demoWorld(database());
    memoryMailer();
    await clearForNewApplication(world.db, world.contosoId);
    const { id } = await submitApplication(world.db, { organizationId: world.contosoId, actorId: world.users.admin.id }, "silver", today());
    submissionId = id;
    await claimSubmission(world.db, world.users.reviewer, id);
    // The smallest counted line is rejected.
    const { toReview } = evaluateCase((await getCase(world.db, world.users.reviewer, id)).snapshot, "silver", [], "en");
    const lines = await world.db
      .select({ id: revenueLines.id })
      .from(revenueLines)
      .where(eq(revenueLines.organizationId, world.contosoId))
      .orderBy(asc(revenueLines.amountCents));
    rejectedLine = lines.map((line) => line.id).find((lineId) => toReview.revenueIds.includes(lineId)) ?? "";
    await recordVerdict(world.db, world.users.reviewer, {
      submissionId: id,
      itemKind: "revenue_line",
      itemId: rejectedLine,
      status: "rejected",
      reason: "Invoice <not> found",
    });
  });

  it("is refused until the application is decided", async () => {
    const early = await download(world.users.reviewer);
    expect(early.status).toBe(409);
    expect(await early.json()).toEqual({ error: "not_decided" });
  });

  it("holds the summary, the evidence and evaluations that re-evaluate to what it records, each verdict and the decision", async () => {
    await verifyEverythingLeft(world.db, world.users.reviewer, submissionId);
    const message = "Please add the invoice for the rejected line.";
    await decideSubmission(world.db, world.users.reviewer, { id: submissionId, decision: "request_changes", message });

    const response = await download(world.users.reviewer);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="audit-pack-\d+-silver-round-1-\d{4}-\d{2}-\d{2}\.zip"$/,
    );
    const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      "decision.json",
      "evaluation-accepted.json",
      "evaluation-submitted.json",
      "evidence-accepted.json",
      "evidence-submitted.json",
      "program.json",
      "summary.html",
      "verdicts.json",
    ]);
    const read = (name: string) => strFromU8(files[name]);

    const folder = mkdtempSync(join(tmpdir(), "audit-pack-"));
    writeFileSync(join(folder, "program.json"), read("program.json"));
    const submitted = JSON.parse(read("evaluation-submitted.json")) as { tier: string };
    expect(evaluateWithCli(folder, "evidence-submitted.json", read("evidence-submitted.json"))).toEqual(submitted);
    expect(evaluateWithCli(folder, "evidence-accepted.json", read("evidence-accepted.json"))).toEqual(
      JSON.parse(read("evaluation-accepted.json")),
    );
    const accepted = JSON.parse(read("evidence-accepted.json")) as { revenue: { id: string }[] };
    expect(accepted.revenue.map((line) => line.id)).not.toContain(rejectedLine);

    const verdicts = JSON.parse(read("verdicts.json")) as {
      id: string;
      kind: string;
      verdict: string;
      reason: string | null;
      reviewer: string;
      checkedBy: { method: string } | null;
    }[];
    expect(verdicts.find((verdict) => verdict.id === rejectedLine)).toMatchObject({
      verdict: "rejected",
      reason: "Invoice <not> found",
      reviewer: "Rita Reviewer",
      givenInRound: 1,
      carriedForward: false,
    });
    const verifiedPasses = verdicts.filter((verdict) => verdict.verdict === "verified" && verdict.kind === "exam_pass");
    expect(verifiedPasses.length).toBeGreaterThan(0);
    // "Verify all remaining" checked them by their transcripts, as the reviewer confirmed.
    expect(verifiedPasses.every((verdict) => verdict.checkedBy?.method === "transcript")).toBe(true);
    expect(JSON.parse(read("decision.json"))).toMatchObject({
      decision: "changes_requested",
      decidedBy: "Rita Reviewer",
      message,
      tierSubmitted: submitted.tier,
      award: null,
    });

    const summary = read("summary.html");
    expect(summary).toContain("@media print");
    expect(summary).toContain("Changes requested by Rita Reviewer");
    // What a partner typed is shown as text, never as markup.
    expect(summary).toContain("Reason: Invoice &lt;not&gt; found");
    expect(summary).not.toContain("<not>");
  });

  it("is the partner admin's for its own application, in the reader's language, and nobody else's", async () => {
    const own = await download(world.users.admin, submissionId, "fr");
    expect(own.status).toBe(200);
    const summary = strFromU8(unzipSync(new Uint8Array(await own.arrayBuffer()))["summary.html"]);
    expect(summary).toContain('<html lang="fr">');
    expect(summary).toContain("Modifications demandées par Rita Reviewer");

    expect((await download(world.users.employee)).status).toBe(403);
    expect((await download(world.users.otherAdmin)).status).toBe(404);
    expect((await download(null)).status).toBe(401);
    expect((await download(world.users.reviewer, "not-a-uuid")).status).toBe(404);
  });
});
