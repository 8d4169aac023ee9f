"use client";

import { Trash2 } from "lucide-react";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { confirmFirst, SubmitButton } from "@/components/ui/form";
import { deleteExamPass } from "@/lib/actions/exams";

/** Deletes one pass; a pass the tier needs comes back with what deleting it does, and goes once confirmed. */
export function DeleteExamPassButton({
  pass,
  labels,
}: {
  pass: { id: string; version: number };
  labels: { delete: string; pending: string; confirm: string; deleteAnyway: string };
}) {
  const [result, submit] = useActionState(deleteExamPass, null);
  const question = result?.ok && "confirm" in result.data ? result.data.confirm : null;
  useEffect(() => {
    if (result?.ok && "notice" in result.data) toast.success(result.data.notice);
    else if (result && !result.ok) toast.error(result.message);
  }, [result]);
  if (question) {
    return (
      <form action={submit} className="grid max-w-56 gap-2 text-sm whitespace-normal" data-testid="delete-confirmation">
        <p role="alert">{question}</p>
        <input type="hidden" name="id" value={pass.id} />
        <input type="hidden" name="version" value={pass.version} />
        <input type="hidden" name="confirmed" value="1" />
        <div>
          <SubmitButton variant="destructive" size="sm" pendingLabel={labels.pending}>
            {labels.deleteAnyway}
          </SubmitButton>
        </div>
      </form>
    );
  }
  return (
    <form action={submit} onSubmit={confirmFirst(labels.confirm)}>
      <input type="hidden" name="id" value={pass.id} />
      <input type="hidden" name="version" value={pass.version} />
      <SubmitButton variant="ghost" size="sm" pendingLabel={labels.pending} aria-label={labels.delete}>
        <Trash2 aria-hidden />
      </SubmitButton>
    </form>
  );
}
