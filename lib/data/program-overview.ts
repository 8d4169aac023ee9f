import "server-only";
import { sql } from "drizzle-orm";
import { appConnection, type Executor } from "@/db/client";
import { organizations, submissions } from "@/db/schema";
import { requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";
import { addDays, type CalendarDate, evaluate, forecastAcross, sameDateYearsLater, tierRank, versionInForce } from "@/lib/rules";
import { evidenceOfAll } from "./evidence";
import { programOfKey, publishedProgram } from "./program";

/** The last day of each of the 12 months after `today`'s month. */
export function monthEnds(today: CalendarDate): CalendarDate[] {
  const [year, month] = today.split("-").map(Number);
  return Array.from({ length: 12 }, (_, index) => {
    const end = new Date(Date.UTC(year, month + index + 1, 0));
    return end.toISOString().slice(0, 10);
  });
}

/** An organization whose tier ends within 90 days if nothing new is recorded. */
export interface EndingSoon {
  organizationId: string;
  name: string;
  from: string;
  to: string;
  on: CalendarDate;
}

const ENDING_WITHIN_DAYS = 90;
const ENDING_SHOWN = 20;

/**
 * Every organization's tier today and at each month's end of the year ahead, and those whose
 * tier ends within 90 days, under the published program. Cached ('use cache') under the
 * program's key and a fingerprint of all evidence (the organizations' revisions), so that
 * it is computed again only when something it rests on moved, on any instance.
 */
async function tierCensus(programKey: string, evidenceFingerprint: string, today: CalendarDate) {
  "use cache";
  void evidenceFingerprint;
  const { db } = await appConnection();
  const { program } = await programOfKey(db, programKey);
  const days = [today, ...monthEnds(today)];
  const counts = days.map(() => new Map<string, number>());
  const ending: EndingSoon[] = [];
  const horizon = addDays(today, ENDING_WITHIN_DAYS);
  for await (const { id, name, input } of evidenceOfAll(db, today)) {
    const start = evaluate(input, versionInForce(program, today).definition).tier;
    const { changes } = forecastAcross(input, program, { until: sameDateYearsLater(today, 1) });
    days.forEach((day, index) => {
      const tier = changes.filter((change) => change.on <= day).at(-1)?.to ?? start;
      counts[index].set(tier, (counts[index].get(tier) ?? 0) + 1);
    });
    const definition = versionInForce(program, today).definition;
    const drop = changes.find((change) => change.on <= horizon && tierRank(change.to, definition) < tierRank(change.from, definition));
    if (drop) ending.push({ organizationId: id, name, from: drop.from, to: drop.to, on: drop.on });
  }
  ending.sort((a, b) => a.on.localeCompare(b.on) || a.name.localeCompare(b.name));
  return {
    days: days.map((day, index) => ({ day, tiers: Object.fromEntries(counts[index]) })),
    endingCount: ending.length,
    ending: ending.slice(0, ENDING_SHOWN),
  };
}

/** The program as a whole, for its staff: tiers over the year ahead, tiers ending soon, applications and review waits. */
export async function programOverview(db: Executor, user: SessionUser, today: CalendarDate) {
  requireRole(user, ["program_admin", "reviewer"]);
  const [{ key }, [fingerprint], statuses, [waits]] = await Promise.all([
    publishedProgram(db),
    db
      .select({ value: sql<string>`count(*)::text || ':' || coalesce(sum(${organizations.evidenceRevision}), 0)::text` })
      .from(organizations),
    db
      .select({ status: submissions.status, count: sql<number>`count(*)::int` })
      .from(submissions)
      .groupBy(submissions.status),
    db
      .select({
        median: sql<
          number | null
        >`percentile_cont(0.5) within group (order by extract(epoch from (coalesce(${submissions.claimedAt}, now()) - ${submissions.submittedAt})) / 86400)`,
      })
      .from(submissions)
      .where(sql`${submissions.status} <> 'withdrawn'`),
  ]);
  const census = await tierCensus(key, fingerprint.value, today);
  return {
    ...census,
    applications: Object.fromEntries(statuses.map((row) => [row.status, row.count])),
    medianWaitDays: waits?.median === null || waits?.median === undefined ? null : Math.round(Number(waits.median) * 10) / 10,
  };
}
