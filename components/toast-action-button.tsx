"use client";

import { toast } from "sonner";
import { confirmFirst, SubmitButton } from "@/components/ui/form";
import type { ButtonProps } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/action";

/**
 * A one-button form that posts `fields` to a server action and announces the outcome as a
 * toast from the submit handler itself: on success the refreshed page may no longer show
 * the button (a revoked invitation's row is gone), so it cannot say so itself.
 */
export function ToastActionButton({
  action,
  fields,
  label,
  accessibleLabel,
  done,
  variant = "outline",
  confirm,
}: {
  action: (previous: null, formData: FormData) => Promise<ActionResult<unknown>>;
  fields: Record<string, string | number>;
  label: string;
  accessibleLabel: string;
  done: string;
  variant?: ButtonProps["variant"];
  /** A question the browser asks before posting, for what cannot be undone. */
  confirm?: string;
}) {
  async function submit(formData: FormData) {
    const result = await action(null, formData);
    if (result.ok) toast.success(done);
    else toast.error(result.message);
  }

  return (
    <form action={submit} onSubmit={confirmFirst(confirm)}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant={variant} size="sm" aria-label={accessibleLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
