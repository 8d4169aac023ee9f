import { getTranslations } from "next-intl/server";
import { ProgramForm } from "@/components/program/program-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import {
  discardDraft,
  importDraft,
  removeDraftExam,
  saveDraftCounting,
  saveDraftExam,
  saveDraftGroup,
  saveDraftRole,
  saveDraftSettings,
  saveDraftTier,
} from "@/lib/actions/program";
import type { DefinitionFileJson, Locale } from "@/lib/rules";

interface Draft {
  id: string;
  version: number;
  versionId: string;
  effectiveFrom: string | null;
  note: string;
  definition: DefinitionFileJson;
}

/** A program administrator's forms on the draft: each saves one change, checked with the whole draft. */
export async function DraftEditor({ draft, locale }: { draft: Draft; locale: Locale }) {
  const t = await getTranslations("program");
  const ref = { id: draft.id, version: draft.version };
  const { definition } = draft;
  const pending = t("pending");
  const examFields = (exam?: DefinitionFileJson["catalogue"][number]) => [
    { name: "code", label: t("definition.code"), value: exam?.code, required: true },
    {
      name: "group",
      label: t("definition.group"),
      value: exam?.group ?? definition.groups[0]?.id,
      required: true,
      description: definition.groups.map((group) => group.id).join(", "),
    },
    { name: "titleEn", label: t("draft.titleEn"), value: exam?.title.en, required: true },
    { name: "titleFr", label: t("draft.titleFr"), value: exam?.title.fr, required: true },
    { name: "availableFrom", label: t("definition.availableFrom"), type: "date" as const, value: exam?.availableFrom ?? "" },
    { name: "retiredOn", label: t("definition.retiredOn"), type: "date" as const, value: exam?.retiredOn ?? "" },
    { name: "acceptedUntil", label: t("definition.acceptedUntil"), type: "date" as const, value: exam?.acceptedUntil ?? "" },
  ];

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.settings")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProgramForm
            action={saveDraftSettings}
            hidden={ref}
            testId="draft-settings"
            fields={[
              { name: "versionId", label: t("versions.id"), value: draft.versionId, required: true },
              { name: "effectiveFrom", label: t("versions.effectiveFrom"), type: "date", value: draft.effectiveFrom ?? "", required: true },
              { name: "note", label: t("versions.note"), value: draft.note },
            ]}
            submit={t("draft.save")}
            pending={pending}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.addExam")}</CardTitle>
          <CardDescription>{t("draft.addExamHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ProgramForm
            action={saveDraftExam}
            hidden={ref}
            testId="add-exam"
            fields={examFields()}
            submit={t("draft.addExamSubmit")}
            pending={pending}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.exams")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-2">
          {definition.catalogue.map((exam) => (
            <details key={exam.code} className="rounded-md border p-3" data-testid="edit-exam">
              <summary className="cursor-pointer font-mono text-sm">
                {exam.code} · {exam.title[locale]}
              </summary>
              <div className="mt-3 grid gap-3">
                <ProgramForm
                  action={saveDraftExam}
                  hidden={{ ...ref, originalCode: exam.code }}
                  fields={examFields(exam)}
                  submit={t("draft.save")}
                  pending={pending}
                />
                <ProgramForm
                  action={removeDraftExam}
                  hidden={{ ...ref, code: exam.code }}
                  fields={[]}
                  submit={t("draft.removeExam", { code: exam.code })}
                  pending={pending}
                  variant="outline"
                />
              </div>
            </details>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.tiers")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-6">
          {definition.tiers.map((tier) => (
            <section key={tier.id} className="grid gap-2" data-testid={`edit-tier-${tier.id}`}>
              <h3 className="font-medium">{tier.title[locale]}</h3>
              <ProgramForm
                action={saveDraftTier}
                hidden={{ ...ref, tierId: tier.id }}
                fields={[
                  ...definition.roles.map((role) => ({
                    name: `slot.${role.id}`,
                    label: t("draft.slots", { role: role.title[locale] }),
                    value: String(tier.slots[role.id] ?? 0),
                  })),
                  ...definition.markets.map((market) => ({
                    name: `threshold.${market}`,
                    label: t("definition.threshold", { market }),
                    value: String(tier.revenueThresholdUsd[market] ?? ""),
                  })),
                ]}
                submit={t("draft.save")}
                pending={pending}
              />
            </section>
          ))}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.groupsAndRoles")}</CardTitle>
          <CardDescription>{t("draft.groupsAndRolesHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <ProgramForm
            action={saveDraftGroup}
            hidden={ref}
            fields={[
              {
                name: "groupId",
                label: t("draft.groupId"),
                required: true,
                description: definition.groups.map((group) => group.id).join(", "),
              },
              { name: "titleEn", label: t("draft.titleEn"), required: true },
              { name: "titleFr", label: t("draft.titleFr"), required: true },
            ]}
            submit={t("draft.saveGroup")}
            pending={pending}
          />
          <ProgramForm
            action={saveDraftRole}
            hidden={ref}
            fields={[
              { name: "roleId", label: t("draft.roleId"), required: true, description: definition.roles.map((role) => role.id).join(", ") },
              { name: "titleEn", label: t("draft.titleEn"), required: true },
              { name: "titleFr", label: t("draft.titleFr"), required: true },
              {
                name: "groups",
                label: t("draft.roleGroups"),
                type: "checkboxes",
                options: definition.groups.map((group) => ({ value: group.id, label: group.title[locale], checked: false })),
              },
            ]}
            submit={t("draft.saveRole")}
            pending={pending}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.counting")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ProgramForm
            action={saveDraftCounting}
            hidden={ref}
            fields={[
              { name: "revenueWindowYears", label: t("draft.windowYears"), type: "number", value: String(definition.revenueWindowYears) },
              { name: "countingProducts", label: t("draft.products"), value: definition.countingProducts.join(", ") },
            ]}
            submit={t("draft.save")}
            pending={pending}
          />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("draft.import")}</CardTitle>
          <CardDescription>{t("draft.importHint")}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          <ProgramForm
            action={importDraft}
            hidden={ref}
            fields={[{ name: "json", label: t("draft.json"), type: "textarea", required: true }]}
            submit={t("draft.importSubmit")}
            pending={pending}
          />
          <ProgramForm
            action={discardDraft}
            hidden={ref}
            fields={[]}
            submit={t("draft.discard")}
            pending={pending}
            variant="destructive"
            confirm={t("draft.discardConfirm")}
          />
        </CardContent>
      </Card>
    </div>
  );
}
