import { evaluationOfRequest } from "@/lib/api/evaluation";
import { apiRoute, json } from "@/lib/api/route";

/** GET /api/v1/gaps?asOf=YYYY-MM-DD: each tier's slots and revenue, and what each person is missing. */
export const GET = apiRoute({ scope: "read" }, async (context) => {
  const { asOf, tier, tiers, people } = await evaluationOfRequest(context);
  return json({ asOf, tier, tiers, people });
});
