"use client";

import { useActionState } from "react";
import { ShownOnce } from "@/components/shown-once";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { createApiToken } from "@/lib/actions/api-tokens";

export interface TokenFormLabels {
  name: string;
  nameHint: string;
  scope: string;
  scopes: { read: string; "read+write": string };
  expiry: string;
  days: Record<"30" | "90" | "180" | "365", string>;
  submit: string;
  pending: string;
  secret: string;
  secretHint: string;
  copy: string;
  copied: string;
}

/** Creates a token; its secret is shown here once, to copy into the system that will call the API. */
export function TokenForm({ labels }: { labels: TokenFormLabels }) {
  const [result, submit] = useActionState(createApiToken, null);
  const failure = result && !result.ok ? result : null;
  const created = result?.ok ? result.data : null;

  return (
    <div className="grid gap-4">
      {created ? (
        <ShownOnce
          notice={created.notice}
          hint={labels.secretHint}
          value={created.secret}
          labels={{ value: labels.secret, copy: labels.copy, copied: labels.copied }}
          monospace
        />
      ) : null}
      <form action={submit} className="grid gap-4 sm:grid-cols-3" key={JSON.stringify(result)}>
        <FormError className="sm:col-span-3" message={failure?.message} />
        <FormField name="name" label={labels.name} description={labels.nameHint} error={failure?.fieldErrors?.name} required>
          <Input maxLength={80} autoComplete="off" defaultValue={failure?.values?.name} />
        </FormField>
        <FormField name="scope" label={labels.scope} error={failure?.fieldErrors?.scope} required>
          <NativeSelect defaultValue={failure?.values?.scope ?? "read"}>
            <option value="read">{labels.scopes.read}</option>
            <option value="read+write">{labels.scopes["read+write"]}</option>
          </NativeSelect>
        </FormField>
        <FormField name="expiresInDays" label={labels.expiry} error={failure?.fieldErrors?.expiresInDays} required>
          <NativeSelect defaultValue={failure?.values?.expiresInDays ?? "90"}>
            {(["30", "90", "180", "365"] as const).map((days) => (
              <option key={days} value={days}>
                {labels.days[days]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <div className="sm:col-span-3">
          <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
        </div>
      </form>
    </div>
  );
}
