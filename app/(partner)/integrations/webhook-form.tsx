"use client";

import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { createWebhookEndpoint } from "@/lib/actions/webhooks";

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

/** Registers an endpoint; its signing secret is shown here once, for the receiver to verify signatures with. */
export function WebhookForm({ labels, events }: { labels: WebhookFormLabels; events: readonly string[] }) {
  const [result, submit] = useActionState(createWebhookEndpoint, null);
  const failure = result && !result.ok ? result : null;
  const created = result?.ok ? result.data : null;
  const posted = failure?.values;
  // Kept in state: the form is reset after each submission, and a refused one keeps its choices.
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(events));
  const toggle = (event: string, on: boolean) =>
    setChosen((before) => {
      const after = new Set(before);
      if (on) after.add(event);
      else after.delete(event);
      return after;
    });

  async function copy(secret: string) {
    await navigator.clipboard.writeText(secret);
    toast.success(labels.copied);
  }

  return (
    <div className="grid gap-4">
      {created ? (
        <Alert variant="success" role="status">
          <AlertDescription className="grid w-full gap-2">
            <p>{created.notice}</p>
            <p>{labels.secretHint}</p>
            <div className="flex w-full items-center gap-2">
              <Input
                readOnly
                value={created.secret}
                aria-label={labels.secret}
                className="font-mono"
                onFocus={(event) => event.target.select()}
              />
              <Button type="button" variant="outline" onClick={() => void copy(created.secret)}>
                {labels.copy}
              </Button>
            </div>
          </AlertDescription>
        </Alert>
      ) : null}
      <form action={submit} className="grid gap-4" key={JSON.stringify(result)}>
        <FormError message={failure?.message} />
        <FormField name="url" label={labels.url} description={labels.urlHint} error={failure?.fieldErrors?.url} required>
          <Input type="url" inputMode="url" maxLength={2000} placeholder="https://" defaultValue={posted?.url} />
        </FormField>
        <FormField name="description" label={labels.description} error={failure?.fieldErrors?.description}>
          <Input maxLength={200} defaultValue={posted?.description} />
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
      </form>
    </div>
  );
}
