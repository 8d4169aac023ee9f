"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { createPerson, updatePerson } from "@/lib/actions/people";

export interface PersonFormLabels {
  name: string;
  email: string;
  mcid: string;
  mcidHint: string;
  submit: string;
  pending: string;
}

interface ExistingPerson {
  id: string;
  version: number;
  name: string;
  email: string | null;
  mcid: string | null;
}

/** Edits a person; what was typed is shown again after an error. */
export function EditPersonForm({ person, labels }: { person: ExistingPerson; labels: PersonFormLabels }) {
  const [result, submit] = useActionState(updatePerson, null);
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  return (
    <PersonFields submit={submit} failure={failure} labels={labels} defaults={person}>
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
    </PersonFields>
  );
}

/** Adds a person; on success the action moves on to the person's page. */
export function NewPersonForm({ labels }: { labels: PersonFormLabels }) {
  const [result, submit] = useActionState(createPerson, null);
  const failure = result && !result.ok ? result : null;
  return <PersonFields submit={submit} failure={failure} labels={labels} />;
}

interface Failure {
  message: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

function PersonFields({
  submit,
  failure,
  labels,
  defaults,
  children,
}: {
  submit: (formData: FormData) => void;
  failure: Failure | null;
  labels: PersonFormLabels;
  defaults?: Pick<ExistingPerson, "name" | "email" | "mcid">;
  children?: React.ReactNode;
}) {
  const value = (field: "name" | "email" | "mcid") => failure?.values?.[field] ?? defaults?.[field] ?? "";
  return (
    <form action={submit} className="grid max-w-xl gap-4">
      <FormError message={failure?.message} />
      {children}
      <FormField name="name" label={labels.name} error={failure?.fieldErrors?.name} required>
        <Input defaultValue={value("name")} maxLength={200} autoComplete="off" />
      </FormField>
      <FormField name="email" label={labels.email} error={failure?.fieldErrors?.email}>
        <Input type="email" defaultValue={value("email")} maxLength={320} autoComplete="off" />
      </FormField>
      <FormField name="mcid" label={labels.mcid} description={labels.mcidHint} error={failure?.fieldErrors?.mcid}>
        <Input inputMode="numeric" defaultValue={value("mcid")} maxLength={20} autoComplete="off" />
      </FormField>
      <div>
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
