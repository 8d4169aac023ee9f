import { appConnection } from "@/db/client";
import { requestContext } from "@/lib/auth/request-context";
import { unsubscribe } from "@/lib/data/alert-emails";
import { readUnsubscribeToken } from "@/lib/mail/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058): a mail client posts `List-Unsubscribe=One-Click` here.
 * The signed token is the authority: no session, and nothing but the token's own user and kind
 * is touched.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  await requestContext().atRequestTime();
  const { token } = await params;
  const request = readUnsubscribeToken(decodeURIComponent(token));
  if (!request) return Response.json({ error: "invalid", message: "this unsubscribe link is not valid" }, { status: 400 });
  const { db } = await appConnection();
  if (!(await unsubscribe(db, request.userId, request.scope))) {
    return Response.json({ error: "not_found", message: "this unsubscribe link's user no longer exists" }, { status: 404 });
  }
  return Response.json({ status: "unsubscribed", scope: request.scope });
}
