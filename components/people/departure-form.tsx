"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { recordDeparture } from "@/lib/actions/people";

export interface DepartureFormLabels {
  leftOn: string;
  record: string;
  undo: string;
  pending: string;
}

/** Records the day a person left, or undoes a departure recorded by mistake. */
export function DepartureForm({
  person,
  labels,
}: {
  person: { id: string; version: number; leftOn: string | null };
  labels: DepartureFormLabels;
}) {
  const [result, submit] = useActionState(recordDeparture, null);
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;

  if (person.leftOn) {
    return (
      <form action={submit} className="grid gap-3">
        <FormError message={failure?.message} />
        <input type="hidden" name="id" value={person.id} />
        <input type="hidden" name="version" value={person.version} />
        <input type="hidden" name="leftOn" value="" />
        <div>
          <SubmitButton variant="outline" pendingLabel={labels.pending}>
            {labels.undo}
          </SubmitButton>
        </div>
      </form>
    );
  }
  return (
    <form action={submit} className="flex flex-wrap items-end gap-3">
      <FormError message={failure?.message} className="w-full" />
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <FormField name="leftOn" label={labels.leftOn} error={failure?.fieldErrors?.leftOn} required>
        <Input type="date" defaultValue={failure?.values?.leftOn ?? ""} className="w-44" />
      </FormField>
      <SubmitButton variant="destructive" pendingLabel={labels.pending}>
        {labels.record}
      </SubmitButton>
    </form>
  );
}
