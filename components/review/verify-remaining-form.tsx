"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError, SubmitButton } from "@/components/ui/form";
import { verifyRemaining } from "@/lib/actions/review";
import { NativeSelect } from "@/components/ui/native-select";

export interface VerifyRemainingLabels {
  button: string;
  yes: string;
  cancel: string;
  /** The question of how the exam passes among them were checked, and its two answers. */
  checkMethod: string;
  checkMethods: { transcript: string; certificate: string };
}

/**
 * "Verify all remaining": the first press says how many items it will mark verified, the
 * second does it. Works with JavaScript off (the form posts, the page shows the question).
 */
export function VerifyRemainingForm({ id, remaining, labels }: { id: string; remaining: number; labels: VerifyRemainingLabels }) {
  const [result, submit] = useActionState(verifyRemaining, null);
  useEffect(() => {
    if (result?.ok && "notice" in result.data) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  const question = result?.ok && "confirm" in result.data ? result.data.confirm : null;
  if (remaining === 0) return null;
  return (
    <form action={submit} className="grid gap-3" data-testid="verify-remaining">
      <FormError message={failure?.message} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expected" value={remaining} />
      {question ? (
        <>
          <Alert>
            <AlertDescription>{question}</AlertDescription>
          </Alert>
          <input type="hidden" name="confirmed" value="1" />
          <label className="grid gap-1 text-sm font-medium sm:w-96">
            {labels.checkMethod}
            <NativeSelect name="checkMethod" defaultValue="transcript">
              <option value="transcript">{labels.checkMethods.transcript}</option>
              <option value="certificate">{labels.checkMethods.certificate}</option>
            </NativeSelect>
          </label>
          <div className="flex flex-wrap gap-2">
            <SubmitButton>{labels.yes}</SubmitButton>
            <Button asChild variant="outline">
              <a href={`/review/${id}`}>{labels.cancel}</a>
            </Button>
          </div>
        </>
      ) : (
        <div>
          <SubmitButton variant="outline">{labels.button}</SubmitButton>
        </div>
      )}
    </form>
  );
}
