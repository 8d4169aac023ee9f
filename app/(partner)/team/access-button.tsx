"use client";

import { toast } from "sonner";
import { SubmitButton } from "@/components/ui/form";
import { setMemberAccessAction } from "@/lib/actions/members";

/**
 * Turns a member's access off or back on. The outcome is announced as a toast; the refreshed
 * page then shows the member's new status and the opposite button.
 */
export function MemberAccessButton({ userId, version, access, label, accessibleLabel, done }: {
  userId: string;
  version: number;
  access: "disable" | "enable";
  label: string;
  accessibleLabel: string;
  done: string;
}) {
  async function submit(formData: FormData) {
    const result = await setMemberAccessAction(null, formData);
    if (result.ok) toast.success(done);
    else toast.error(result.message);
  }

  return (
    <form action={submit}>
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="access" value={access} />
      <SubmitButton variant={access === "disable" ? "outline" : "secondary"} size="sm" aria-label={accessibleLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
