"use client";

import { useActionState } from "react";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Input } from "@/components/ui/input";
import { acceptInvitation } from "@/lib/actions/invitations";

export interface AcceptFormLabels {
  displayName: string;
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
  pending: string;
  unusable: string;
}

export function AcceptInvitationForm({ token, email, labels }: { token: string; email: string; labels: AcceptFormLabels }) {
  const [result, submit] = useActionState(acceptInvitation, null);
  const failure = result && !result.ok ? result : null;
  // A link used or revoked while the page was open reads like any unusable link.
  const message = failure?.error === "not_found" ? labels.unusable : failure?.message;
  // React empties the form after each submission; the name comes back from the result
  // (passwords never do).

  return (
    <form action={submit} className="grid gap-4">
      <FormError message={message} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormField name="displayName" label={labels.displayName} error={failure?.fieldErrors?.displayName} required>
        <Input autoComplete="name" maxLength={120} defaultValue={failure?.values?.displayName} />
      </FormField>
      <NewPasswordFields labels={labels} errors={failure?.fieldErrors} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
