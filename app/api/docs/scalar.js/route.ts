import { readFile } from "node:fs/promises";
import path from "node:path";

/** Scalar's browser bundle, as the installed @scalar/api-reference ships it (its exact version in package.json pins it). */
const bundle = path.join(process.cwd(), "node_modules", "@scalar", "api-reference", "dist", "browser", "standalone.js");

/** GET /api/docs/scalar.js: the script of the reference page, served by the portal itself. */
export async function GET() {
  return new Response(new Uint8Array(await readFile(bundle)), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
