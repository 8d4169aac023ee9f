"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { recordDeparture } from "@/lib/actions/people";

export interface DepartureFormLabels {
  leftOn: string;
  record: string;
  undo: string;
  pending: string;
  /** Recording a departure whose consequence the admin was shown. */
  confirm: string;
  cancel: string;
}

/**
 * Records the day a person left, or undoes a departure recorded by mistake. A departure that
 * would drop a tier comes back with its consequence and is recorded once confirmed; the same
 * exchange works with JavaScript off (the form posts, the page shows the question).
 */
export function DepartureForm({
  person,
  labels,
}: {
  person: { id: string; version: number; leftOn: string | null };
  labels: DepartureFormLabels;
}) {
  const [result, submit] = useActionState(recordDeparture, null);
  useEffect(() => {
    if (result?.ok && "notice" in result.data) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  const question = result?.ok && "confirm" in result.data ? result.data : null;

  if (question && !person.leftOn) {
    return (
      <form action={submit} className="grid gap-3" data-testid="departure-confirmation">
        <Alert variant="warning">
          <AlertDescription>{question.confirm}</AlertDescription>
        </Alert>
        <input type="hidden" name="id" value={person.id} />
        <input type="hidden" name="version" value={person.version} />
        <input type="hidden" name="leftOn" value={question.leftOn} />
        <input type="hidden" name="confirmed" value="1" />
        <div className="flex flex-wrap gap-2">
          <SubmitButton variant="destructive" pendingLabel={labels.pending}>
            {labels.confirm}
          </SubmitButton>
          <Button asChild variant="outline">
            <a href={`/people/${person.id}`}>{labels.cancel}</a>
          </Button>
        </div>
      </form>
    );
  }

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
