"use client";

import { Trash2 } from "lucide-react";
import { useActionState } from "react";
import { FormError, SubmitButton } from "@/components/ui/form";
import { deleteRevenueLine } from "@/lib/actions/revenue";

/** Deletes the line at the version shown; on success the action returns to the list. */
export function DeleteRevenueLineButton({
  line,
  labels,
}: {
  line: { id: string; version: number };
  labels: { delete: string; pending: string; confirm: string };
}) {
  const [result, submit] = useActionState(deleteRevenueLine, null);
  return (
    <form
      action={submit}
      className="grid gap-3"
      onSubmit={(event) => {
        if (!window.confirm(labels.confirm)) event.preventDefault();
      }}
    >
      <FormError message={result && !result.ok ? result.message : undefined} />
      <input type="hidden" name="id" value={line.id} />
      <input type="hidden" name="version" value={line.version} />
      <div>
        <SubmitButton variant="destructive" pendingLabel={labels.pending}>
          <Trash2 aria-hidden /> {labels.delete}
        </SubmitButton>
      </div>
    </form>
  );
}
