"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { PersonCombobox, type PersonComboboxLabels } from "@/components/person-combobox";
import { Select, SelectContent, SelectGroup, SelectItem, SelectLabel, SelectTrigger, SelectValue } from "@/components/ui/select";
import { recordExamPass } from "@/lib/actions/exams";

export interface RecordExamPassLabels {
  title: string;
  person: string;
  exam: string;
  examPlaceholder: string;
  passedOn: string;
  certificationRef: string;
  certificationRefHint: string;
  transcriptId: string;
  transcriptIdHint: string;
  transcriptCode: string;
  transcriptCodeHint: string;
  submit: string;
  pending: string;
}

export interface ExamChoice {
  group: string;
  exams: Array<{ code: string; title: string }>;
}

/** Records a pass for `person` (an employee's own, or the person page's), or for a person an admin picks. */
export function RecordExamPassForm({
  person,
  exams,
  labels,
  picker,
}: {
  person?: { id: string; name: string };
  exams: ExamChoice[];
  labels: RecordExamPassLabels;
  picker: PersonComboboxLabels;
}) {
  const [result, submit] = useActionState(recordExamPass, null);
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  const typed = failure?.values ?? {};
  // A successful pass remounts the form empty. React and Radix Select reset the form after each
  // submission: mounted anew per refusal, its fields start from what was posted, the exam too.
  const key = result?.ok ? result.data.id : JSON.stringify(failure);

  return (
    <form key={key} action={submit} className="grid gap-4 sm:grid-cols-2" aria-label={labels.title}>
      <FormError className="sm:col-span-2" message={failure?.message} />
      {person ? (
        <input type="hidden" name="personId" value={person.id} />
      ) : (
        <FormField name="personId" label={labels.person} error={failure?.fieldErrors?.personId} required>
          <PersonCombobox
            name="personId"
            purpose="exam-pass"
            labels={picker}
            defaultValue={typed.personId}
            defaultText={typed.personIdSearch}
          />
        </FormField>
      )}
      <FormField name="code" label={labels.exam} error={failure?.fieldErrors?.code} required>
        <Select name="code" defaultValue={typed.code}>
          <SelectTrigger className="w-full">
            <SelectValue placeholder={labels.examPlaceholder} />
          </SelectTrigger>
          <SelectContent>
            {exams.map((group) => (
              <SelectGroup key={group.group}>
                <SelectLabel>{group.group}</SelectLabel>
                {group.exams.map((exam) => (
                  <SelectItem key={exam.code} value={exam.code}>
                    <span className="font-mono">{exam.code}</span> {exam.title}
                  </SelectItem>
                ))}
              </SelectGroup>
            ))}
          </SelectContent>
        </Select>
      </FormField>
      <FormField name="passedOn" label={labels.passedOn} error={failure?.fieldErrors?.passedOn} required>
        <Input type="date" defaultValue={typed.passedOn} className="w-44" />
      </FormField>
      <FormField
        name="certificationRef"
        label={labels.certificationRef}
        description={labels.certificationRefHint}
        error={failure?.fieldErrors?.certificationRef}
      >
        <Input defaultValue={typed.certificationRef} maxLength={100} autoComplete="off" />
      </FormField>
      <FormField
        name="transcriptId"
        label={labels.transcriptId}
        description={labels.transcriptIdHint}
        error={failure?.fieldErrors?.transcriptId}
      >
        <Input defaultValue={typed.transcriptId} maxLength={40} autoComplete="off" spellCheck={false} />
      </FormField>
      <FormField
        name="transcriptCode"
        label={labels.transcriptCode}
        description={labels.transcriptCodeHint}
        error={failure?.fieldErrors?.transcriptCode}
      >
        <Input defaultValue={typed.transcriptCode} maxLength={40} autoComplete="off" spellCheck={false} />
      </FormField>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
