"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { confirmFirst, FormError, FormField, SubmitButton } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/action";
import { cn } from "@/lib/cn";

/** One field of a program form: its control, label and value as the page shows it. */
export interface ProgramField {
  name: string;
  label: string;
  type?: "text" | "date" | "number" | "textarea" | "checkboxes";
  value?: string;
  required?: boolean;
  description?: string;
  /** For checkboxes: the choices and which are ticked. */
  options?: { value: string; label: string; checked: boolean }[];
  step?: string;
}

/**
 * A form of the program's pages: its fields, the action's field messages at each of them,
 * the notice as a toast. Works without JavaScript too (the action posts and the page reloads).
 */
export function ProgramForm<T>({
  action,
  hidden,
  fields,
  submit,
  pending,
  variant,
  className,
  testId,
  confirm,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string | number>;
  fields: ProgramField[];
  submit: string;
  pending: string;
  variant?: "default" | "destructive" | "outline";
  className?: string;
  testId?: string;
  /** A question the browser asks before posting (what cannot be undone); without JavaScript the form posts at once. */
  confirm?: string;
}) {
  const [result, run] = useActionState(action, null);
  const failure = result && !result.ok ? result : null;
  useEffect(() => {
    const notice = result?.ok ? (result.data as { notice?: string } | undefined)?.notice : undefined;
    if (notice) toast.success(notice);
  }, [result]);

  return (
    <form action={run} className={cn("grid gap-3", className)} data-testid={testId} onSubmit={confirmFirst(confirm)}>
      <FormError message={failure?.message} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {fields.length > 0 && (
        <div className="grid gap-3 sm:grid-cols-2">
          {fields.map((field) => (
            <Field key={field.name} field={field} error={failure?.fieldErrors?.[field.name]} echoed={failure?.values?.[field.name]} />
          ))}
        </div>
      )}
      <div>
        <SubmitButton pendingLabel={pending} variant={variant}>
          {submit}
        </SubmitButton>
      </div>
    </form>
  );
}

function Field({ field, error, echoed }: { field: ProgramField; error?: string[]; echoed?: string }) {
  const value = echoed ?? field.value ?? "";
  if (field.type === "checkboxes") {
    return (
      <fieldset className="grid gap-2 sm:col-span-2">
        <legend className="text-sm font-medium">{field.label}</legend>
        <div className="flex flex-wrap gap-4">
          {field.options?.map((option) => (
            <label key={option.value} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={field.name} value={option.value} defaultChecked={option.checked} />
              {option.label}
            </label>
          ))}
        </div>
        {error && <p className="text-sm text-destructive">{error.join(" ")}</p>}
      </fieldset>
    );
  }
  return (
    <FormField
      name={field.name}
      label={field.label}
      error={error}
      required={field.required}
      description={field.description}
      className={field.type === "textarea" ? "sm:col-span-2" : undefined}
    >
      {field.type === "textarea" ? (
        <Textarea defaultValue={value} rows={8} maxLength={512_000} />
      ) : (
        <Input
          type={field.type ?? "text"}
          defaultValue={value}
          step={field.step}
          inputMode={field.type === "number" ? "decimal" : undefined}
        />
      )}
    </FormField>
  );
}
