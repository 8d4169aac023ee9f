import { apiRoute, json, parseQuery } from "@/lib/api/route";
import { today } from "@/lib/clock";
import { untilQuery } from "@/lib/api/schemas";
import { invalidProblem } from "@/lib/api/problem";
import { evidenceAndProgram } from "@/lib/api/evaluation";
import { forecastAcross, forecastUntilSchema } from "@/lib/rules";

/** GET /api/v1/forecast?until=YYYY-MM-DD: every change of tier from today to `until` (a year at most), with its causes. */
export const GET = apiRoute({ scope: "read" }, async (context) => {
  const asOf = today();
  const { until } = parseQuery(context, untilQuery);
  if (until !== undefined) {
    const checked = forecastUntilSchema(asOf).safeParse(until);
    if (!checked.success) throw invalidProblem(checked.error.issues, context.t, ["until"]);
  }
  const { input, program } = await evidenceAndProgram(context, asOf);
  return json(forecastAcross(input, program, { until }));
});
