import { NextResponse } from "next/server";
import { appConnection } from "@/db/client";
import { currentUser } from "@/lib/auth/session";
import { publishedProgram } from "@/lib/data/program";
import { programFileOf } from "@/lib/rules";

/**
 * GET /api/program: the program as published (every version, in the contract's JSON), for
 * anyone signed in: partners and reviewers read what is in force and what is coming.
 */
export async function GET() {
  const user = await currentUser();
  if (!user) return NextResponse.json({ error: "unauthenticated" }, { status: 401, headers: { "cache-control": "no-store" } });
  const { db } = await appConnection();
  const { program } = await publishedProgram(db);
  return NextResponse.json(programFileOf(program), {
    headers: { "content-disposition": `attachment; filename="${program.id}.json"`, "cache-control": "private, no-store" },
  });
}
