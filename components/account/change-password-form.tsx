"use client";

import { useActionState } from "react";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { NewPasswordFields } from "@/components/new-password-fields";
import { Input } from "@/components/ui/input";
import { changePassword } from "@/lib/actions/auth";

export interface ChangePasswordLabels {
  currentPassword: string;
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
  pending: string;
}

export function ChangePasswordForm({ email, labels }: { email: string; labels: ChangePasswordLabels }) {
  const [result, submit] = useActionState(changePassword, null);
  const failure = result && !result.ok ? result : null;

  return (
    <form action={submit} className="grid max-w-md gap-4">
      <FormError message={failure?.message} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={email} />
      <FormField name="currentPassword" label={labels.currentPassword} error={failure?.fieldErrors?.currentPassword} required>
        <Input type="password" autoComplete="current-password" maxLength={1024} />
      </FormField>
      <NewPasswordFields labels={labels} errors={failure?.fieldErrors} />
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
