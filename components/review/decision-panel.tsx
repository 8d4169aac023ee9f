"use client";

import { ActionForm } from "@/components/submissions/action-form";
import { FormField, SubmitButton } from "@/components/ui/form";
import { Textarea } from "@/components/ui/textarea";
import { decideSubmission } from "@/lib/actions/review";

export interface DecisionLabels {
  approve: string;
  approveDisabled: string;
  requestChanges: string;
  reject: string;
  message: string;
  reason: string;
  pending: string;
}

/**
 * Approve (only when the tier holds on verified evidence; the server checks again), send back
 * with a message, or reject with a reason.
 */
export function DecisionPanel({ id, approvable, labels }: { id: string; approvable: boolean; labels: DecisionLabels }) {
  return (
    <div className="grid gap-6 md:grid-cols-3" data-print="hide">
      <ActionForm action={decideSubmission} hidden={{ id, decision: "approve" }} className="space-y-2">
        <SubmitButton disabled={!approvable} pendingLabel={labels.pending}>
          {labels.approve}
        </SubmitButton>
        {!approvable && <p className="text-sm text-muted-foreground">{labels.approveDisabled}</p>}
      </ActionForm>
      <ActionForm action={decideSubmission} hidden={{ id, decision: "request_changes" }} className="space-y-2">
        {(fieldErrors) => (
          <>
            <FormField name="message" label={labels.message} error={fieldErrors.message} required>
              <Textarea maxLength={2000} rows={3} />
            </FormField>
            <SubmitButton variant="secondary" pendingLabel={labels.pending}>
              {labels.requestChanges}
            </SubmitButton>
          </>
        )}
      </ActionForm>
      <ActionForm action={decideSubmission} hidden={{ id, decision: "reject" }} className="space-y-2">
        {(fieldErrors) => (
          <>
            <FormField name="message" label={labels.reason} error={fieldErrors.message} required>
              <Textarea maxLength={2000} rows={3} />
            </FormField>
            <SubmitButton variant="destructive" pendingLabel={labels.pending}>
              {labels.reject}
            </SubmitButton>
          </>
        )}
      </ActionForm>
    </div>
  );
}
