"use client";

import { toast } from "sonner";
import { SubmitButton } from "@/components/ui/form";
import { revokeInvitation } from "@/lib/actions/invitations";

/**
 * Revokes one pending invitation. The outcome is announced as a toast from the submit handler
 * itself: on success the row, and this button with it, is gone from the refreshed page.
 */
export function RevokeInvitationButton({ invitationId, label, accessibleLabel, done }: {
  invitationId: string;
  label: string;
  accessibleLabel: string;
  done: string;
}) {
  async function revoke(formData: FormData) {
    const result = await revokeInvitation(null, formData);
    if (result.ok) toast.success(done);
    else toast.error(result.message);
  }

  return (
    <form action={revoke}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton variant="outline" size="sm" aria-label={accessibleLabel}>
        {label}
      </SubmitButton>
    </form>
  );
}
