"use client";

import { useActionState, useEffect, useState } from "react";
import { toast } from "sonner";
import { ShownOnce } from "@/components/shown-once";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/action";
import { createWebhookEndpoint, updateWebhookEndpoint } from "@/lib/actions/webhooks";

export interface WebhookFormLabels {
  url: string;
  urlHint: string;
  description: string;
  events: string;
  eventNames: Record<string, string>;
  submit: string;
  pending: string;
  secret: string;
  secretHint: string;
  copy: string;
  copied: string;
}

type Failure = Extract<ActionResult, { ok: false }>;
type FieldLabels = Omit<WebhookFormLabels, "secret" | "secretHint" | "copy" | "copied">;

/** What an endpoint is: its URL, its description and the events it takes, as a form shows them. */
function WebhookFields({
  labels,
  events,
  failure,
  initial,
}: {
  labels: FieldLabels;
  events: readonly string[];
  failure: Failure | null;
  initial: { url: string; description: string; events: readonly string[] };
}) {
  const posted = failure?.values;
  // Kept in state: the form is reset after each submission, and a refused one keeps its choices.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(initial.events));
  const toggle = (event: string, on: boolean) =>
    setChosen((before) => {
      const after = new Set(before);
      if (on) after.add(event);
      else after.delete(event);
      return after;
    });
  return (
    <>
      <FormError message={failure?.message} />
      <FormField name="url" label={labels.url} description={labels.urlHint} error={failure?.fieldErrors?.url} required>
        <Input type="url" inputMode="url" maxLength={2000} placeholder="https://" defaultValue={posted?.url ?? initial.url} />
      </FormField>
      <FormField name="description" label={labels.description} error={failure?.fieldErrors?.description}>
        <Input maxLength={200} defaultValue={posted?.description ?? initial.description} />
      </FormField>
      <fieldset className="grid gap-2" aria-describedby={failure?.fieldErrors?.events ? "webhook-events-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">{labels.events}</legend>
        {events.map((event) => (
          <label key={event} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="events"
              value={event}
              checked={chosen.has(event)}
              onChange={(change) => toggle(event, change.currentTarget.checked)}
              className="size-4"
            />
            {labels.eventNames[event]} <code className="text-xs text-muted-foreground">{event}</code>
          </label>
        ))}
        {failure?.fieldErrors?.events && (
          <p id="webhook-events-error" className="text-sm text-destructive">
            {failure.fieldErrors.events[0]}
          </p>
        )}
      </fieldset>
      <div>
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </>
  );
}

/** Registers an endpoint; its signing secret is shown here once, for the receiver to verify signatures with. */
export function WebhookForm({ labels, events }: { labels: WebhookFormLabels; events: readonly string[] }) {
  const [result, submit] = useActionState(createWebhookEndpoint, null);
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
      <form action={submit} className="grid gap-4" key={JSON.stringify(result)}>
        <WebhookFields labels={labels} events={events} failure={failure} initial={{ url: "", description: "", events }} />
      </form>
    </div>
  );
}

/** Changes a registered endpoint, at the version the page showed; its secret stays. */
export function WebhookEditForm({
  labels,
  events,
  endpoint,
}: {
  labels: FieldLabels;
  events: readonly string[];
  endpoint: { id: string; version: number; url: string; description: string; events: readonly string[] };
}) {
  const [result, submit] = useActionState(updateWebhookEndpoint, null);
  const failure = result && !result.ok ? result : null;
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
  }, [result]);
  return (
    <form action={submit} className="grid gap-4" key={`${endpoint.version} ${JSON.stringify(result)}`}>
      <input type="hidden" name="id" value={endpoint.id} />
      <input type="hidden" name="version" value={endpoint.version} />
      <WebhookFields labels={labels} events={events} failure={failure} initial={endpoint} />
    </form>
  );
}
