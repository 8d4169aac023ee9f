import "server-only";
import type { Executor } from "@/db/client";
import { explain, forecast, type Locale } from "@/lib/rules";
import { revenueHistory } from "@/lib/rules/revenue-history";
import { loadOrganizationEvidence } from "./evidence";

/**
 * What the dashboard shows for one organization on one day. The figures are all the rules
 * library's; this function only gathers the evidence and asks.
 */
export async function loadDashboard(db: Executor, organizationId: string, asOf: string, locale: Locale) {
  const { organization, input } = await loadOrganizationEvidence(db, organizationId, asOf);
  const explanation = explain(input, { locale });
  return {
    organization,
    asOf,
    evaluation: explanation.evaluation,
    explanation: explanation.tiers,
    forecast: forecast(input),
    history: revenueHistory(input),
    personNames: Object.fromEntries(input.people.map((person) => [person.id, person.name ?? person.id])),
  };
}

export type Dashboard = Awaited<ReturnType<typeof loadDashboard>>;
