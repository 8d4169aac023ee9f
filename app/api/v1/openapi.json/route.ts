import { openApiDocument } from "@/lib/api/openapi";

/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, public like any API's reference. */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
