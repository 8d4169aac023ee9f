"use client";

import { Trash2 } from "lucide-react";
import { useActionState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { confirmFirst, FormError, SubmitButton } from "@/components/ui/form";
import { deleteRevenueLine } from "@/lib/actions/revenue";

/**
 * Deletes the line at the version shown; on success the action returns to the list. A line
 * the tier needs comes back with what deleting it does, and is deleted once confirmed.
 */
export function DeleteRevenueLineButton({
  line,
  labels,
}: {
  line: { id: string; version: number };
  labels: { delete: string; pending: string; confirm: string; deleteAnyway: string; cancel: string };
}) {
  const [result, submit] = useActionState(deleteRevenueLine, null);
  const question = result?.ok ? result.data.confirm : null;
  return (
    <form
      action={submit}
      className="grid gap-3"
      // Once the page says what deleting it does, that answer is the confirmation.
      onSubmit={confirmFirst(question ? null : labels.confirm)}
      data-testid={question ? "delete-confirmation" : undefined}
    >
      <FormError message={result && !result.ok ? result.message : undefined} />
      {question && (
        <Alert variant="warning">
          <AlertDescription>{question}</AlertDescription>
        </Alert>
      )}
      <input type="hidden" name="id" value={line.id} />
      <input type="hidden" name="version" value={line.version} />
      {question && <input type="hidden" name="confirmed" value="1" />}
      <div className="flex flex-wrap gap-2">
        <SubmitButton variant="destructive" pendingLabel={labels.pending}>
          <Trash2 aria-hidden /> {question ? labels.deleteAnyway : labels.delete}
        </SubmitButton>
        {question && (
          <Button asChild variant="outline">
            <a href={`/revenue/${line.id}`}>{labels.cancel}</a>
          </Button>
        )}
      </div>
    </form>
  );
}
