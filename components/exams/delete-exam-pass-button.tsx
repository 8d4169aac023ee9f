"use client";

import { Trash2 } from "lucide-react";
import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { SubmitButton } from "@/components/ui/form";
import { deleteExamPass } from "@/lib/actions/exams";

export function DeleteExamPassButton({
  pass,
  labels,
}: {
  pass: { id: string; version: number };
  labels: { delete: string; pending: string; confirm: string };
}) {
  const [result, submit] = useActionState(deleteExamPass, null);
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
    else if (result) toast.error(result.message);
  }, [result]);
  return (
    <form
      action={submit}
      onSubmit={(event) => {
        if (!window.confirm(labels.confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={pass.id} />
      <input type="hidden" name="version" value={pass.version} />
      <SubmitButton variant="ghost" size="sm" pendingLabel={labels.pending} aria-label={labels.delete}>
        <Trash2 aria-hidden />
      </SubmitButton>
    </form>
  );
}
