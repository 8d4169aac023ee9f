import { evaluationOfRequest } from "@/lib/api/evaluation";
import { apiRoute, json } from "@/lib/api/route";

/** GET /api/v1/evaluation?asOf=YYYY-MM-DD: the tier, each tier's requirements, everyone's gaps and the next-tier plan, in the rules contract's format. */
export const GET = apiRoute({ scope: "read" }, async (context) => json(await evaluationOfRequest(context)));
