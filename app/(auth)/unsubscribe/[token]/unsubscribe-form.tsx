"use client";

import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { FormError, SubmitButton } from "@/components/ui/form";
import { unsubscribeAction } from "@/lib/actions/alerts";

export function UnsubscribeForm({ token, label }: { token: string; label: string }) {
  const [result, submit] = useActionState(unsubscribeAction, null);
  if (result?.ok) {
    return (
      <Alert data-testid="unsubscribed">
        <AlertDescription>{result.data.notice}</AlertDescription>
      </Alert>
    );
  }
  return (
    <form action={submit}>
      <FormError message={result?.message} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
