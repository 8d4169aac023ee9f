"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { signInWithMicrosoft, signInWithPassword } from "@/lib/actions/auth";

export interface SignInFormLabels {
  email: string;
  password: string;
  submit: string;
  pending: string;
  or: string;
  microsoft: string;
}

interface SignInFormProps {
  labels: SignInFormLabels;
  callbackUrl: string | null;
  /** An error Auth.js reported through the URL (e.g. an Entra ID account with no portal account). */
  initialError: string | null;
  microsoftEnabled: boolean;
}

const noSubscription = () => () => {};
const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SignInForm({ labels, callbackUrl, initialError, microsoftEnabled }: SignInFormProps) {
  const [result, submit] = useActionState(signInWithPassword, null);
  const [microsoftResult, submitMicrosoft] = useActionState(signInWithMicrosoft, null);
  // Controlled so the email survives React resetting the form after a refused attempt.
  const [email, setEmail] = useState("");
  // Lets the server say "try again after 14:32" on the visitor's clock.
  const timeZone = useSyncExternalStore(noSubscription, browserTimeZone, () => "");
  const failure = result && !result.ok ? result : null;
  const microsoftFailure = microsoftResult && !microsoftResult.ok ? microsoftResult.message : null;

  return (
    <div className="grid gap-6">
      <form action={submit} className="grid gap-4">
        <FormError message={failure?.message ?? microsoftFailure ?? initialError} />
        <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
        <input type="hidden" name="timeZone" value={timeZone} />
        <FormField name="email" label={labels.email} error={failure?.fieldErrors?.email} required>
          <Input type="email" autoComplete="username" maxLength={320} value={email} onChange={(event) => setEmail(event.target.value)} />
        </FormField>
        <FormField name="password" label={labels.password} error={failure?.fieldErrors?.password} required>
          <Input type="password" autoComplete="current-password" maxLength={1024} />
        </FormField>
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </form>
      {microsoftEnabled ? (
        <form action={submitMicrosoft} className="grid gap-4">
          <p className="text-center text-sm text-muted-foreground">{labels.or}</p>
          <input type="hidden" name="callbackUrl" value={callbackUrl ?? ""} />
          <SubmitButton variant="outline">{labels.microsoft}</SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
