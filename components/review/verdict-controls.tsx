"use client";

import { ActionForm } from "@/components/submissions/action-form";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { recordVerdict } from "@/lib/actions/review";

export interface VerdictLabels {
  verify: string;
  reject: string;
  reason: string;
  reasonPlaceholder: string;
}

/** Verify, or reject with a reason, one exam pass or revenue line of the case. */
export function VerdictControls({
  submissionId,
  itemKind,
  itemId,
  label,
  labels,
}: {
  submissionId: string;
  itemKind: string;
  itemId: string;
  /** The record's name, so each button says which record it acts on. */
  label: string;
  labels: VerdictLabels;
}) {
  const hidden = { submissionId, itemKind, itemId };
  return (
    <div className="flex flex-wrap items-start gap-2" data-print="hide">
      <ActionForm action={recordVerdict} hidden={{ ...hidden, status: "verified" }}>
        <SubmitButton size="sm" variant="outline" aria-label={`${labels.verify}: ${label}`}>
          {labels.verify}
        </SubmitButton>
      </ActionForm>
      <ActionForm
        action={recordVerdict}
        hidden={{ ...hidden, status: "rejected" }}
        className="flex flex-wrap items-start gap-2 max-md:w-full"
      >
        {(fieldErrors) => (
          <>
            <div className="grid gap-1 max-md:w-full">
              <Input
                name="reason"
                maxLength={500}
                placeholder={labels.reasonPlaceholder}
                aria-label={`${labels.reason}: ${label}`}
                aria-invalid={fieldErrors.reason ? true : undefined}
                className="h-8 w-56 max-md:w-full"
              />
              <FormMessage message={fieldErrors.reason} />
            </div>
            <SubmitButton size="sm" variant="destructive" aria-label={`${labels.reject}: ${label}`}>
              {labels.reject}
            </SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}
