import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import Link from "next/link";
import { NativeSelect } from "@/components/ui/native-select";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { AuditFilter } from "@/lib/schemas/audit";

export interface AuditChoices {
  actors: Array<{ id: string; name: string }>;
  actions: string[];
  entities: string[];
  organizations: Array<{ id: string; name: string }>;
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

/** Actor, action, entity, organization (reviewers) and dates, as a GET form the export link reuses. */
export async function AuditFilters({
  path,
  filter,
  choices,
  exportHref,
}: {
  path: string;
  filter: AuditFilter;
  choices: AuditChoices;
  exportHref: string;
}) {
  const t = await getTranslations("audit");
  // Actions and entity types are codes found in the log: shown by their names when known.
  const named = (group: "actionNames" | "entityNames", value: string) => {
    const key = `${group}.${value}`;
    return t.has(key as never) ? t(key as never) : value;
  };
  const options = (values: Array<{ value: string; label: string }>) => [
    <option key="" value="">
      {t("any")}
    </option>,
    ...values.map((option) => (
      <option key={option.value} value={option.value}>
        {option.label}
      </option>
    )),
  ];
  return (
    <form method="get" action={path} className="flex flex-wrap items-end gap-3" data-print="hide">
      <Field id="audit-actor" label={t("actor")}>
        <NativeSelect id="audit-actor" name="actor" defaultValue={filter.actor ?? ""}>
          {options(choices.actors.map((actor) => ({ value: actor.id, label: actor.name })))}
        </NativeSelect>
      </Field>
      <Field id="audit-action" label={t("action")}>
        <NativeSelect id="audit-action" name="action" defaultValue={filter.action ?? ""}>
          {options(choices.actions.map((value) => ({ value, label: named("actionNames", value) })))}
        </NativeSelect>
      </Field>
      <Field id="audit-entity" label={t("entity")}>
        <NativeSelect id="audit-entity" name="entity" defaultValue={filter.entity ?? ""}>
          {options(choices.entities.map((value) => ({ value, label: named("entityNames", value) })))}
        </NativeSelect>
      </Field>
      {choices.organizations.length > 0 && (
        <Field id="audit-organization" label={t("organization")}>
          <NativeSelect id="audit-organization" name="organization" defaultValue={filter.organization ?? ""}>
            {options(choices.organizations.map((organization) => ({ value: organization.id, label: organization.name })))}
          </NativeSelect>
        </Field>
      )}
      <Field id="audit-from" label={t("from")}>
        <Input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} className="w-40" />
      </Field>
      <Field id="audit-to" label={t("to")}>
        <Input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} className="w-40" />
      </Field>
      <Button type="submit" variant="outline">
        {t("filter")}
      </Button>
      <Button asChild variant="ghost">
        <Link href={path}>{t("reset")}</Link>
      </Button>
      <Button asChild variant="secondary">
        <a href={exportHref} download>
          {t("export")}
        </a>
      </Button>
    </form>
  );
}
