import type { ActionResult } from "@/lib/actions/action";
import type { SessionUser } from "@/lib/auth/session-user";
import { outcome, settle, type Settled } from "../../support/action-outcome";
import { formData } from "../../support/form-data";
import { runAs } from "../../support/request-context";

type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/** Posts `input` to a form action as `user`; answers the outcome ("ok", "conflict"…), the message and the redirect. */
export async function post<T>(user: SessionUser | null, action: FormAction<T>, input: Record<string, string>) {
  const settled: Settled<T> = await runAs(user, () => settle(action(null, formData(input))));
  return {
    outcome: outcome(settled),
    message: settled.kind === "result" && !settled.result.ok ? settled.result.message : undefined,
    url: settled.kind === "redirect" ? settled.url : undefined,
  };
}
