import { apiRoute } from "@/lib/api/route";
import { ApiProblem, problemTypes } from "@/lib/api/problem";

/**
 * Any other path under /api/v1: once the token is checked, a problem in JSON that says no such
 * endpoint exists, rather than the portal's HTML page. The reference lists them: /api/docs.
 */
const unknown = apiRoute<{ path: string[] }>({ scope: "read" }, (context) => {
  throw new ApiProblem({ type: problemTypes.notFound, title: context.t("api.problems.noEndpoint"), status: 404 });
});

export { unknown as DELETE, unknown as GET, unknown as PATCH, unknown as POST, unknown as PUT };
