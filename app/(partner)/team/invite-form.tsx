"use client";

import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { inviteMember } from "@/lib/actions/invitations";

export interface InviteFormLabels {
  email: string;
  role: string;
  roles: { employee: string; partner_admin: string };
  person: string;
  personPlaceholder: string;
  personHint: string;
  noPeople: string;
  submit: string;
  pending: string;
  link: string;
  copy: string;
  copied: string;
}

type Role = keyof InviteFormLabels["roles"];
type Person = { id: string; name: string };

export function InviteForm({ people, labels }: { people: Person[]; labels: InviteFormLabels }) {
  const [result, submit] = useActionState(inviteMember, null);
  const failure = result && !result.ok ? result : null;
  const created = result?.ok ? result.data : null;

  async function copy(url: string) {
    await navigator.clipboard.writeText(url);
    toast.success(labels.copied);
  }

  return (
    <div className="grid gap-4">
      {created ? (
        <Alert variant="success" role="status">
          <AlertDescription className="w-full">
            <p>{created.notice}</p>
            <div className="flex w-full items-center gap-2">
              <Input readOnly value={created.url} aria-label={labels.link} onFocus={(event) => event.target.select()} />
              <Button type="button" variant="outline" onClick={() => void copy(created.url)}>
                {labels.copy}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      <form action={submit} className="grid gap-4 sm:grid-cols-2">
        <FormError className="sm:col-span-2" message={failure?.message} />
        {/* React and Radix Select reset the form after each submission: fields mounted anew
            per result start from what was posted, so a refused invitation keeps its choices. */}
        <InviteFields key={JSON.stringify(result)} people={people} labels={labels} posted={failure?.values} errors={failure?.fieldErrors} />
      </form>
    </div>
  );
}

function InviteFields({
  people,
  labels,
  posted,
  errors,
}: {
  people: Person[];
  labels: InviteFormLabels;
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
          description={people.length === 0 ? labels.noPeople : labels.personHint}
          error={errors?.personId}
          className="sm:col-span-2"
          required
        >
          <Select name="personId" defaultValue={posted?.personId || undefined} disabled={people.length === 0}>
            <SelectTrigger className="w-full">
              <SelectValue placeholder={labels.personPlaceholder} />
            </SelectTrigger>
            <SelectContent>
              {people.map((person) => (
                <SelectItem key={person.id} value={person.id}>
                  {person.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FormField>
      ) : null}
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </>
  );
}
