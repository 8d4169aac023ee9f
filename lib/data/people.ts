import "server-only";
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, isNull, lte, ne, sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { examPasses, people, users } from "@/db/schema";
import { today } from "@/lib/clock";
import type { PeopleQuery, PersonInput } from "@/lib/schemas/people";
import type { Actor } from "./actor";
import { recordAudit } from "./audit";
import { containsText } from "./contains";
import { violatedUniqueConstraint } from "./constraints";
import { ConflictError, NotFoundError } from "./errors";

export const peoplePageSize = 50;

const sortColumns = { name: people.name, mcid: people.mcid, email: people.email, leftOn: people.leftOn } as const;

/**
 * People still at the organization on `day`: no departure recorded, or one still to come. As
 * in lib/rules, a person counts until the day they leave.
 */
export const presentOn = (day: string): SQL => sql`(${isNull(people.leftOn)} or ${gt(people.leftOn, day)})`;

/** People whose departure has taken effect by `day`. */
export const goneBy = (day: string) => lte(people.leftOn, day);

/** People whose name, e-mail or MCID contains `q`. */
const matching = (q: string) => containsText(q, people.name, people.email, people.mcid);

/** What a person picker offers: whom an exam pass can be recorded for, or an employee invitation can name. */
export const personChoicePurposes = ["exam-pass", "invitation"] as const;
export type PersonChoicePurpose = (typeof personChoicePurposes)[number];
export const personChoicesShown = 20;

/**
 * The first people by name that a picker offers for `purpose`, narrowed by `q`: current people
 * for an exam pass, people without an account for an invitation. `more` says that others match.
 */
export async function personChoices(
  db: Executor,
  organizationId: string,
  { purpose, q }: { purpose: PersonChoicePurpose; q: string },
): Promise<{ people: Array<{ id: string; name: string }>; more: boolean }> {
  const conditions: SQL[] = [eq(people.organizationId, organizationId)];
  if (purpose === "exam-pass") conditions.push(presentOn(today()));
  if (purpose === "invitation") {
    const account = db.select({ id: users.id }).from(users).where(eq(users.personId, people.id));
    conditions.push(sql`not exists (${account})`);
  }
  if (q) conditions.push(matching(q));
  const rows = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(...conditions))
    .orderBy(asc(people.name), asc(people.id))
    .limit(personChoicesShown + 1);
  return { people: rows.slice(0, personChoicesShown), more: rows.length > personChoicesShown };
}

/** A page of the organization's people, searched and sorted in SQL, with the total count. */
export async function listPeople(db: Executor, organizationId: string, query: PeopleQuery) {
  const conditions: SQL[] = [eq(people.organizationId, organizationId)];
  if (query.status === "current") conditions.push(presentOn(today()));
  if (query.status === "left") conditions.push(goneBy(today()));
  if (query.q) conditions.push(matching(query.q));
  const order = query.direction === "asc" ? asc : desc;
  // Counted per person of the page, after the limit: a count of the whole organization's passes
  // joined to its people costs a plan that grows with the organization (and, on fresh
  // statistics, a nested loop over both).
  const passes = db.select({ passes: count() }).from(examPasses).where(eq(examPasses.personId, people.id));

  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      mcid: people.mcid,
      leftOn: people.leftOn,
      passes: sql<number>`(${passes})::int`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(people)
    .where(and(...conditions))
    .orderBy(sql`${order(sortColumns[query.sort])} nulls last`, asc(people.id))
    .limit(peoplePageSize)
    .offset((query.page - 1) * peoplePageSize);

  return { rows: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}

/** One person of the organization with their exam passes; another organization's is "not found". */
export async function getPerson(db: Executor, organizationId: string, personId: string) {
  // Whether someone can still sign in as this person: after a departure, the admin is told.
  const activeAccount = db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.personId, people.id), eq(users.organizationId, organizationId), eq(users.disabled, false)));
  const [row] = await db
    .select({ ...getTableColumns(people), hasActiveAccount: sql<boolean>`exists(${activeAccount})` })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)));
  if (!row) throw new NotFoundError("person");
  const { hasActiveAccount, ...person } = row;
  const passes = await db
    .select()
    .from(examPasses)
    .where(and(eq(examPasses.personId, personId), eq(examPasses.organizationId, organizationId)))
    .orderBy(desc(examPasses.passedOn));
  return { person, passes, hasActiveAccount };
}

function mcidTaken(error: unknown): never {
  if (violatedUniqueConstraint(error) === "people_organization_mcid") {
    throw new ConflictError("mcid taken", { messageKey: "people.errors.mcidTaken", field: "mcid" });
  }
  throw error;
}

export async function createPerson(db: Executor, { organizationId, actorId, tokenId }: Actor, input: PersonInput) {
  return db
    .transaction(async (tx) => {
      const [person] = await tx
        .insert(people)
        .values({ organizationId, ...input })
        .returning();
      await recordAudit(tx, {
        organizationId,
        actorUserId: actorId,
        actorTokenId: tokenId,
        action: "person.created",
        entityType: "person",
        entityId: person.id,
        after: person,
      });
      return person;
    })
    .catch(mcidTaken);
}

/**
 * Applies `changes` if the row is still at `version`: a second admin who edited the same
 * person from an older page gets a conflict, never a silent overwrite.
 */
export async function updatePerson(
  db: Executor,
  { organizationId, actorId, tokenId }: Actor,
  { id, version, ...changes }: Partial<PersonInput> & { id: string; version: number },
) {
  return db
    .transaction(async (tx) => {
      const [before] = await tx
        .select()
        .from(people)
        .where(and(eq(people.id, id), eq(people.organizationId, organizationId)))
        .for("update");
      if (!before) throw new NotFoundError("person");
      if (before.version !== version) throw new ConflictError("stale person", { messageKey: "errors.stale" });
      // A confirmation vouches for one MCID: another one needs the person to confirm it again.
      const mcidChanged = changes.mcid !== undefined && changes.mcid !== before.mcid;
      const [after] = await tx
        .update(people)
        .set({
          ...changes,
          ...(mcidChanged ? { mcidConfirmedAt: null, mcidConfirmedBy: null } : {}),
          version: version + 1,
          updatedAt: new Date(),
        })
        .where(and(eq(people.id, id), eq(people.organizationId, organizationId)))
        .returning();
      const departure = changes.leftOn !== undefined && changes.leftOn !== before.leftOn;
      const action = !departure ? "person.updated" : changes.leftOn ? "person.departure_recorded" : "person.departure_cleared";
      await recordAudit(tx, {
        organizationId,
        actorUserId: actorId,
        actorTokenId: tokenId,
        action,
        entityType: "person",
        entityId: id,
        before,
        after,
      });
      return after;
    })
    .catch(mcidTaken);
}

/**
 * Deletes a person recorded by mistake, if still at `version`: one with neither an exam pass
 * nor an account. Anyone else leaves the organization instead (a departure keeps the history).
 */
export async function deletePerson(
  db: Executor,
  { organizationId, actorId, tokenId }: Actor,
  { id, version }: { id: string; version: number },
) {
  await db.transaction(async (tx) => {
    const [person] = await tx
      .select()
      .from(people)
      .where(and(eq(people.id, id), eq(people.organizationId, organizationId)))
      .for("update");
    if (!person) throw new NotFoundError("person");
    if (person.version !== version) throw new ConflictError("stale person", { messageKey: "errors.stale" });
    const [passes] = await tx.select({ n: count() }).from(examPasses).where(eq(examPasses.personId, id));
    if (passes.n > 0) throw new ConflictError("person has exam passes", { messageKey: "people.errors.deleteHasPasses" });
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.personId, id));
    if (account) throw new ConflictError("person has an account", { messageKey: "people.errors.deleteHasAccount" });
    await tx.delete(people).where(eq(people.id, id));
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      actorTokenId: tokenId,
      action: "person.deleted",
      entityType: "person",
      entityId: id,
      before: person,
    });
  });
}

/**
 * The person, signed in, confirms that the MCID on their own record is theirs: only they can
 * link their certifications to the organization. `personId` comes from their session.
 */
export async function confirmOwnMcid(db: Executor, { organizationId, actorId, tokenId }: Actor, personId: string) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(people)
      .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)))
      .for("update");
    if (!before) throw new NotFoundError("person");
    if (!before.mcid) throw new ConflictError("no mcid", { messageKey: "people.mcid.none" });
    const [after] = await tx
      .update(people)
      .set({ mcidConfirmedAt: new Date(), mcidConfirmedBy: actorId, version: before.version + 1, updatedAt: new Date() })
      .where(and(eq(people.id, personId), eq(people.organizationId, organizationId)))
      .returning();
    await recordAudit(tx, {
      organizationId,
      actorUserId: actorId,
      actorTokenId: tokenId,
      action: "person.mcid_confirmed",
      entityType: "person",
      entityId: personId,
      before: { mcid: before.mcid, mcidConfirmedAt: before.mcidConfirmedAt },
      after: { mcid: after.mcid, mcidConfirmedAt: after.mcidConfirmedAt },
    });
    return after;
  });
}

/**
 * Which of `mcids` another organization also records: the partner learns that an id is
 * claimed elsewhere, never by whom.
 */
export async function mcidsClaimedElsewhere(db: Executor, organizationId: string, mcids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(mcids.filter(Boolean))];
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ mcid: people.mcid })
    .from(people)
    .where(and(inArray(people.mcid, wanted), ne(people.organizationId, organizationId)));
  return new Set(rows.map((row) => row.mcid ?? ""));
}
