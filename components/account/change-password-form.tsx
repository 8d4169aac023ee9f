"use client";

import { useActionState } from "react";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
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
      <FormField name="password" label={labels.password} description={labels.passwordHint} error={failure?.fieldErrors?.password} required>
        <Input type="password" autoComplete="new-password" minLength={12} maxLength={256} />
      </FormField>
      <FormField name="confirmPassword" label={labels.confirmPassword} error={failure?.fieldErrors?.confirmPassword} required>
        <Input type="password" autoComplete="new-password" maxLength={256} />
      </FormField>
      <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
    </form>
  );
}
