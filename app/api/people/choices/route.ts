import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { appConnection } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { personChoicePurposes, personChoices } from "@/lib/data/people";
import { hasNoControlCharacters } from "@/lib/schemas/fields";

const choicesQuery = z.object({
  for: z.enum(personChoicePurposes),
  q: z.string().trim().max(200).refine(hasNoControlCharacters, "must not contain control characters").default(""),
});

const answer = (body: unknown, status = 200) => NextResponse.json(body, { status, headers: { "cache-control": "private, no-store" } });

/**
 * GET /api/people/choices?for={exam-pass|invitation}&q=…: the first people by name a partner
 * admin's picker offers, from the signed-in admin's own organization (never one named in the
 * request), and whether more match.
 */
export async function GET(request: NextRequest) {
  const user = await currentUser();
  if (!user) return answer({ error: "unauthenticated" }, 401);
  if (user.role !== "partner_admin" || user.organizationId === null) return answer({ error: "forbidden" }, 403);
  const parsed = choicesQuery.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    return answer({ error: "invalid_query", issues }, 400);
  }
  const { db } = await appConnection();
  return answer(await personChoices(db, user.organizationId, { purpose: parsed.data.for, q: parsed.data.q }));
}
