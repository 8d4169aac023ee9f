import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, type Market, organizations, people, revenueLines } from "@/db/schema";
import {
  builtInProgram,
  definitionFileOf,
  type EvaluationInput,
  evaluate,
  parseProgramDefinition,
  type ProgramDefinition,
  versionInForce,
} from "@/lib/rules";
import { NotFoundError } from "./errors";
import { publishedProgram } from "./program";
import type { SubmissionSnapshot } from "./snapshot-types";

/**
 * Copies the organization's evidence as it stands, with each record's id and version, and
 * the evaluation on `asOf`. Every record is copied, not only the counted ones: once a
 * reviewer rejects a pass, somebody who did not fill a slot may fill it, and the
 * re-evaluation must see them.
 */
export async function takeSnapshot(tx: Executor, organizationId: string, asOf: string): Promise<SubmissionSnapshot> {
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name, mpnId: organizations.mpnId, market: organizations.market })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!organization) throw new NotFoundError("organization");
  const [personRows, passRows, revenueRows] = await Promise.all([
    tx
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        mcid: people.mcid,
        mcidConfirmed: sql<boolean>`${people.mcidConfirmedAt} is not null`,
        leftOn: people.leftOn,
        version: people.version,
      })
      .from(people)
      .where(eq(people.organizationId, organizationId))
      .orderBy(asc(people.name), asc(people.id)),
    tx
      .select({
        id: examPasses.id,
        personId: examPasses.personId,
        code: examPasses.examCode,
        passedOn: examPasses.passedOn,
        certificationRef: examPasses.certificationRef,
        transcriptId: examPasses.transcriptId,
        transcriptCode: examPasses.transcriptCode,
        version: examPasses.version,
      })
      .from(examPasses)
      .where(eq(examPasses.organizationId, organizationId))
      .orderBy(asc(examPasses.passedOn), asc(examPasses.id)),
    tx
      .select({
        id: revenueLines.id,
        reference: revenueLines.reference,
        customer: revenueLines.customerName,
        product: revenueLines.product,
        amountCents: revenueLines.amountCents,
        bookedOn: revenueLines.bookedOn,
        dporAssociated: revenueLines.dporAssociated,
        version: revenueLines.version,
      })
      .from(revenueLines)
      .where(eq(revenueLines.organizationId, organizationId))
      .orderBy(asc(revenueLines.bookedOn), asc(revenueLines.id)),
  ]);
  const { program } = await publishedProgram(tx);
  const version = versionInForce(program, asOf);
  const copy = {
    format: 1 as const,
    asOf,
    organization: { ...organization, market: organization.market as Market },
    people: personRows,
    examPasses: passRows,
    revenueLines: revenueRows,
    program: {
      id: program.id,
      versionId: version.id,
      effectiveFrom: version.effectiveFrom,
      definition: definitionFileOf(version.definition),
    },
  };
  return { ...copy, evaluation: evaluate(snapshotInput(copy), version.definition) };
}

const snapshotDefinitions = new WeakMap<object, ProgramDefinition>();

/** The definition a snapshot was evaluated under: its recorded version, else the built-in first one. */
export function snapshotDefinition(snapshot: Pick<SubmissionSnapshot, "program">): ProgramDefinition {
  const recorded = snapshot.program;
  if (!recorded) return builtInProgram.versions[0].definition;
  let definition = snapshotDefinitions.get(recorded);
  if (!definition) {
    const parsed = parseProgramDefinition(recorded.definition, recorded.id);
    if (!parsed.ok) throw new Error(`snapshot program version ${recorded.versionId} is invalid: ${parsed.errors.join("; ")}`);
    definition = parsed.value;
    snapshotDefinitions.set(recorded, definition);
  }
  return definition;
}

/** Evidence left out of an evaluation: the ids of passes and revenue lines. */
export interface Excluded {
  examPassIds: ReadonlySet<string>;
  revenueIds: ReadonlySet<string>;
}

const nothing: Excluded = { examPassIds: new Set(), revenueIds: new Set() };

/** The rules' input from a snapshot, without the excluded evidence. */
export function snapshotInput(
  snapshot: Pick<SubmissionSnapshot, "asOf" | "organization" | "people" | "examPasses" | "revenueLines">,
  excluded: Excluded = nothing,
): EvaluationInput {
  const passesByPerson = new Map<string, EvaluationInput["people"][number]["exams"]>();
  for (const pass of snapshot.examPasses) {
    if (excluded.examPassIds.has(pass.id)) continue;
    const list = passesByPerson.get(pass.personId) ?? [];
    list.push({ id: pass.id, code: pass.code, passedOn: pass.passedOn });
    passesByPerson.set(pass.personId, list);
  }
  return {
    competency: "cloud-crm",
    asOf: snapshot.asOf,
    market: snapshot.organization.market,
    people: snapshot.people.map((person) => ({
      id: person.id,
      name: person.name,
      leftOn: person.leftOn,
      exams: passesByPerson.get(person.id) ?? [],
    })),
    revenue: snapshot.revenueLines
      .filter((line) => !excluded.revenueIds.has(line.id))
      .map((line) => ({
        id: line.id,
        customer: line.customer,
        product: line.product,
        amountCents: line.amountCents,
        bookedOn: line.bookedOn,
        dporAssociated: line.dporAssociated,
      })),
  };
}
