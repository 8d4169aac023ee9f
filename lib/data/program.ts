import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { cache } from "react";
import { appConnection, type Executor } from "@/db/client";
import { programVersions } from "@/db/schema";
import {
  builtInProgram,
  type CalendarDate,
  parseProgramDefinition,
  type ProgramDefinition,
  type ProgramVersion,
  type VersionedProgram,
  versionInForce,
} from "@/lib/rules";

/** The one program the portal runs; its versions are rows of `program_versions`. */
export const PROGRAM_ID = builtInProgram.id;

/** The published versions, and a key that changes whenever one is published or withdrawn. */
export interface PublishedProgram {
  /** The ids of the published rows, in order: a cache key of everything evaluated under them. */
  readonly key: string;
  readonly program: VersionedProgram;
}

// A published version never changes (a trigger refuses it), so its parsed form is kept for
// the life of the process; withdrawing one removes its row from the query, not from here.
const parsedVersions = new Map<string, ProgramVersion>();

interface VersionRow {
  id: string;
  versionId: string;
  effectiveFrom: string | null;
  note: string;
  definition: unknown;
}

/** A stored definition, parsed with the contract's rules; one that fails them is a bug, not a user's error. */
export function storedVersion(row: VersionRow): ProgramVersion {
  const parsed = parseProgramDefinition(row.definition, PROGRAM_ID);
  if (!parsed.ok) throw new Error(`program version ${row.versionId} is stored invalid: ${parsed.errors.join("; ")}`);
  return { id: row.versionId, effectiveFrom: row.effectiveFrom, note: row.note, definition: parsed.value };
}

async function versionsOfRows(db: Executor, rowIds: readonly string[]): Promise<ProgramVersion[]> {
  const missing = rowIds.filter((id) => !parsedVersions.has(id));
  if (missing.length > 0) {
    const rows = await db
      .select({
        id: programVersions.id,
        versionId: programVersions.versionId,
        effectiveFrom: programVersions.effectiveFrom,
        note: programVersions.note,
        definition: programVersions.definition,
        status: programVersions.status,
      })
      .from(programVersions)
      .where(inArray(programVersions.id, missing));
    for (const row of rows) {
      if (row.status === "draft") throw new Error(`program version ${row.versionId} is a draft`);
      parsedVersions.set(row.id, storedVersion(row));
    }
  }
  return rowIds.map((id) => {
    const version = parsedVersions.get(id);
    if (!version) throw new Error(`no program version ${id}`);
    return version;
  });
}

/** The program as published now: every evaluation on any date takes the version in force on it. */
export async function publishedProgram(db: Executor): Promise<PublishedProgram> {
  const rows = await db
    .select({ id: programVersions.id })
    .from(programVersions)
    .where(and(eq(programVersions.programId, PROGRAM_ID), eq(programVersions.status, "published")))
    .orderBy(sql`${programVersions.effectiveFrom} asc nulls first`);
  if (rows.length === 0) throw new Error(`program ${PROGRAM_ID} has no published version: run the migrations`);
  return programOfKey(db, rows.map((row) => row.id).join(","));
}

/** The program a key names (the cached dashboard's evaluation is keyed by it). */
export async function programOfKey(db: Executor, key: string): Promise<PublishedProgram> {
  const versions = await versionsOfRows(db, key.split(","));
  return { key, program: { id: PROGRAM_ID, versions } };
}

/** The definition in force on a date. */
export function definitionOn(program: VersionedProgram, on: CalendarDate): ProgramDefinition {
  return versionInForce(program, on).definition;
}

/** The published program, read once per request (a page and its components all ask). */
export const currentProgram = cache(async (): Promise<PublishedProgram> => publishedProgram((await appConnection()).db));
