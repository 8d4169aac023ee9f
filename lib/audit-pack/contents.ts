import { strToU8, zipSync } from "fflate";
import type { EvidenceKind } from "@/db/schema";
import type { AuditPackRecord, AuditPackVerdict } from "@/lib/data/audit-pack";
import { snapshotDefinition, snapshotInput } from "@/lib/data/snapshot";
import type { Locale } from "@/lib/i18n/locales";
import { contractInput, type Evaluation, evaluate, type EvaluationInputJson, programFileOf } from "@/lib/rules";
import { auditPackSummary } from "./summary";

/** The evidence the program accepted: only the items a reviewer verified. */
export function acceptedEvidence(record: AuditPackRecord) {
  const verified = (kind: EvidenceKind) =>
    new Set(
      record.verdicts.filter((verdict) => verdict.itemKind === kind && verdict.status === "verified").map((verdict) => verdict.itemId),
    );
  const passes = verified("exam_pass");
  const lines = verified("revenue_line");
  return snapshotInput(record.snapshot, {
    examPassIds: new Set(record.snapshot.examPasses.map((pass) => pass.id).filter((id) => !passes.has(id))),
    revenueIds: new Set(record.snapshot.revenueLines.map((line) => line.id).filter((id) => !lines.has(id))),
  });
}

export interface AuditPackContents {
  evidenceSubmitted: EvaluationInputJson;
  /** Recorded when the application was submitted, never computed again. */
  evaluationSubmitted: Evaluation;
  evidenceAccepted: EvaluationInputJson;
  evaluationAccepted: Evaluation;
}

export function auditPackContents(record: AuditPackRecord): AuditPackContents {
  const accepted = acceptedEvidence(record);
  return {
    evidenceSubmitted: contractInput(snapshotInput(record.snapshot)),
    evaluationSubmitted: record.snapshot.evaluation,
    evidenceAccepted: contractInput(accepted),
    evaluationAccepted: evaluate(accepted, snapshotDefinition(record.snapshot)),
  };
}

/** Each verdict with who gave it, when, how (in this round, or carried unchanged from which) and why. */
function verdictsJson(record: AuditPackRecord) {
  const people = new Map(record.snapshot.people.map((person) => [person.id, person.name]));
  const passes = new Map(record.snapshot.examPasses.map((pass) => [pass.id, pass]));
  const lines = new Map(record.snapshot.revenueLines.map((line) => [line.id, line]));
  const item = (verdict: AuditPackVerdict) => {
    if (verdict.itemKind === "exam_pass") {
      const pass = passes.get(verdict.itemId);
      return { person: pass ? (people.get(pass.personId) ?? null) : null, exam: pass?.code ?? null, passedOn: pass?.passedOn ?? null };
    }
    const line = lines.get(verdict.itemId);
    return { reference: line?.reference ?? null, customer: line?.customer ?? null, bookedOn: line?.bookedOn ?? null };
  };
  return record.verdicts.map((verdict) => ({
    kind: verdict.itemKind,
    id: verdict.itemId,
    ...item(verdict),
    verdict: verdict.status,
    reason: verdict.reason,
    checkedBy: verdict.checkMethod ? { method: verdict.checkMethod, note: verdict.checkNote } : null,
    reviewer: verdict.reviewerName,
    reviewedAt: verdict.reviewedAt.toISOString(),
    givenInRound: verdict.carriedFromRound ?? record.round,
    carriedForward: verdict.carriedFromRound !== null,
  }));
}

function decisionJson(record: AuditPackRecord, contents: AuditPackContents) {
  const { organization } = record.snapshot;
  return {
    submission: { id: record.id, tier: record.tier, round: record.round, asOf: record.asOf },
    organization: { id: organization.id, name: organization.name, mpnId: organization.mpnId, market: organization.market },
    submittedBy: record.submittedByName,
    submittedAt: record.submittedAt.toISOString(),
    decision: record.status,
    decidedBy: record.decidedByName,
    decidedAt: record.decidedAt.toISOString(),
    message: record.message,
    award: record.award,
    tierSubmitted: contents.evaluationSubmitted.tier,
    tierAccepted: contents.evaluationAccepted.tier,
  };
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** The pack's file name: the organization's MPN ID, the tier, the round and the day of the decision. */
export function auditPackFileName(record: AuditPackRecord): string {
  return `audit-pack-${record.snapshot.organization.mpnId}-${record.tier}-round-${record.round}-${record.decidedAt.toISOString().slice(0, 10)}.zip`;
}

/** The whole pack as one ZIP file, its summary in `locale`. */
export function auditPackZip(record: AuditPackRecord, locale: Locale, preparedOn: string): Uint8Array {
  const contents = auditPackContents(record);
  // Every file is dated at the decision it records.
  const mtime = record.decidedAt;
  return zipSync(
    {
      "summary.html": strToU8(auditPackSummary(record, contents, locale, preparedOn)),
      "evidence-submitted.json": json(contents.evidenceSubmitted),
      "evaluation-submitted.json": json(contents.evaluationSubmitted),
      "evidence-accepted.json": json(contents.evidenceAccepted),
      "evaluation-accepted.json": json(contents.evaluationAccepted),
      "verdicts.json": json(verdictsJson(record)),
      // The version evaluated under, for `npm run rules -- evaluate FILE --program program.json`.
      "program.json": json(programOfSnapshot(record)),
      "decision.json": json(decisionJson(record, contents)),
    },
    { level: 6, mtime },
  );
}

/** The snapshot's version of the program as a one-version program file, in force since always. */
function programOfSnapshot(record: AuditPackRecord) {
  const recorded = record.snapshot.program;
  return programFileOf({
    id: recorded?.id ?? "cloud-crm",
    versions: [{ id: recorded?.versionId ?? "v1", effectiveFrom: null, note: "", definition: snapshotDefinition(record.snapshot) }],
  });
}
