"use client";

import { useActionState } from "react";
import { ShownOnce } from "@/components/shown-once";
import { FormError, SubmitButton } from "@/components/ui/form";
import { rotateWebhookSecret } from "@/lib/actions/webhooks";

export interface RotateSecretLabels {
  submit: string;
  pending: string;
  hint: string;
  secret: string;
  secretHint: string;
  copy: string;
  copied: string;
}

/** Gives the endpoint a new signing secret, shown here once; the old one keeps signing for a while. */
export function RotateSecretForm({ endpointId, labels }: { endpointId: string; labels: RotateSecretLabels }) {
  const [result, submit] = useActionState(rotateWebhookSecret, null);
  const failure = result && !result.ok ? result : null;
  const rotated = result?.ok ? result.data : null;
  return (
    <div className="grid gap-3">
      {rotated ? (
        <ShownOnce
          notice={rotated.notice}
          hint={labels.secretHint}
          value={rotated.secret}
          labels={{ value: labels.secret, copy: labels.copy, copied: labels.copied }}
          monospace
        />
      ) : (
        <p className="text-sm text-muted-foreground">{labels.hint}</p>
      )}
      <form action={submit} className="grid gap-2">
        <FormError message={failure?.message} />
        <input type="hidden" name="id" value={endpointId} />
        <div>
          <SubmitButton variant="outline" pendingLabel={labels.pending}>
            {labels.submit}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
