"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { FormError, SubmitButton } from "@/components/ui/form";
import type { AlertDeliveryMode } from "@/db/schema";
import { chooseAlertEmailsAction } from "@/lib/actions/alerts";

export interface AlertEmailChoicesLabels {
  kinds: { kind: string; label: string }[];
  modes: Record<AlertDeliveryMode, string>;
  submit: string;
}

/** One group of three radio buttons per kind of alert: at once, in the weekly digest, never. */
export function AlertEmailChoices({ choices, labels }: { choices: Record<string, AlertDeliveryMode>; labels: AlertEmailChoicesLabels }) {
  const [result, submit] = useActionState(chooseAlertEmailsAction, null);
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  return (
    <form action={submit} className="grid gap-4">
      <FormError message={failure?.message} />
      {labels.kinds.map(({ kind, label }) => (
        <fieldset key={kind} className="grid gap-2 border-b pb-3 sm:grid-cols-[1fr_auto] sm:items-center">
          <legend className="float-left text-sm font-medium sm:float-none">{label}</legend>
          <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {(Object.keys(labels.modes) as AlertDeliveryMode[]).map((mode) => (
              <label key={mode} className="flex items-center gap-1.5">
                <input type="radio" name={kind} value={mode} defaultChecked={choices[kind] === mode} className="accent-primary" />
                {labels.modes[mode]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <div>
        <SubmitButton>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
