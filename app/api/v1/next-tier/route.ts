import { evaluationOfRequest } from "@/lib/api/evaluation";
import { apiRoute, json } from "@/lib/api/route";

/** GET /api/v1/next-tier?asOf=YYYY-MM-DD: the fewest exams, and the revenue, that reach the next tier. */
export const GET = apiRoute({ scope: "read" }, async (context) => {
  const { asOf, tier, nextTier } = await evaluationOfRequest(context);
  return json({ asOf, tier, nextTier });
});
