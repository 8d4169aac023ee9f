"use client";

import { useActionState, useState } from "react";
import { ShownOnce } from "@/components/shown-once";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PersonCombobox, type PersonComboboxLabels } from "@/components/person-combobox";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { inviteMember } from "@/lib/actions/invitations";

export interface InviteFormLabels {
  email: string;
  role: string;
  roles: { employee: string; partner_admin: string };
  person: string;
  personHint: string;
  submit: string;
  pending: string;
  link: string;
  copy: string;
  copied: string;
}

type Role = keyof InviteFormLabels["roles"];
export function InviteForm({ labels, picker }: { labels: InviteFormLabels; picker: PersonComboboxLabels }) {
  const [result, submit] = useActionState(inviteMember, null);
  const failure = result && !result.ok ? result : null;
  const created = result?.ok ? result.data : null;

  return (
    <div className="grid gap-4">
      {created ? (
        <ShownOnce notice={created.notice} value={created.url} labels={{ value: labels.link, copy: labels.copy, copied: labels.copied }} />
      ) : null}
      <form action={submit} className="grid gap-4 sm:grid-cols-2">
        <FormError className="sm:col-span-2" message={failure?.message} />
        {/* React and Radix Select reset the form after each submission: fields mounted anew
            per result start from what was posted, so a refused invitation keeps its choices. */}
        <InviteFields key={JSON.stringify(result)} labels={labels} picker={picker} posted={failure?.values} errors={failure?.fieldErrors} />
      </form>
    </div>
  );
}

function InviteFields({
  labels,
  picker,
  posted,
  errors,
}: {
  labels: InviteFormLabels;
  picker: PersonComboboxLabels;
  posted?: Record<string, string>;
  errors?: Record<string, string[]>;
}) {
  const [role, setRole] = useState<Role>(posted?.role === "partner_admin" ? "partner_admin" : "employee");
  return (
    <>
      <FormField name="email" label={labels.email} error={errors?.email} required>
        <Input type="email" autoComplete="off" maxLength={320} defaultValue={posted?.email} />
      </FormField>
      <FormField name="role" label={labels.role} error={errors?.role} required>
        <Select name="role" value={role} onValueChange={(value) => setRole(value === "partner_admin" ? "partner_admin" : "employee")}>
          <SelectTrigger className="w-full">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value="employee">{labels.roles.employee}</SelectItem>
            <SelectItem value="partner_admin">{labels.roles.partner_admin}</SelectItem>
          </SelectContent>
        </Select>
      </FormField>
      {role === "employee" ? (
        <FormField
          name="personId"
          label={labels.person}
          description={labels.personHint}
          error={errors?.personId}
          className="sm:col-span-2"
          required
        >
          <PersonCombobox
            name="personId"
            purpose="invitation"
            labels={picker}
            defaultValue={posted?.personId || undefined}
            defaultText={posted?.personIdSearch}
          />
        </FormField>
      ) : null}
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </>
  );
}
