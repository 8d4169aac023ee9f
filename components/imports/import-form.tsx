"use client";

import { Loader2Icon } from "lucide-react";
import { type FormEvent, startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormError, FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { importCsv, previewImport } from "@/lib/actions/imports";
import { MAX_IMPORT_BYTES } from "@/lib/csv/limits";
import type { ImportTableName } from "@/lib/csv/table";
import { ImportPreviewView, type ImportPreviewLabels } from "./import-preview";

/** CSV files, and Excel workbooks with the same columns. */
const fileTypes = ".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const noSubscription = () => () => {};

export interface ImportFormLabels extends ImportPreviewLabels {
  file: string;
  fileHint: string;
  fileAgain: string;
  /** Said before sending a file over MAX_IMPORT_BYTES, which the server would refuse unread. */
  tooLarge: string;
  preview: string;
  previewing: string;
  import: string;
  importing: string;
}

/** What the admin did last: it decides which of the two results the page shows. */
type Step = "preview" | "import" | "file-changed" | null;

/**
 * Upload, preview, then import the same file. The forms are submitted by hand, not by
 * React's form actions, which would empty the file input after the preview; the import
 * sends the file chosen for the preview. Without JavaScript both forms still post to their
 * actions, and the import form asks for the file again.
 */
export function ImportForm({ table, labels }: { table: ImportTableName; labels: ImportFormLabels }) {
  const [preview, requestPreview, previewing] = useActionState(previewImport, null);
  const [outcome, requestImport, importing] = useActionState(importCsv, null);
  const [step, setStep] = useState<Step>(null);
  const [file, setFile] = useState<File | null>(null);
  const tooLarge = file !== null && file.size > MAX_IMPORT_BYTES;
  // False in the server's HTML and until hydration, true once the browser runs this form.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const previewForm = useRef<HTMLFormElement>(null);
  const pending = previewing || importing;

  useEffect(() => {
    if (!outcome?.ok) return;
    toast.success(outcome.data.notice);
    previewForm.current?.reset();
    // The imported file is done with; a failed import keeps it for another try.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setFile(null);
  }, [outcome]);

  function send(event: FormEvent<HTMLFormElement>, intent: "preview" | "import") {
    event.preventDefault();
    if (pending || tooLarge) return;
    const formData = new FormData(event.currentTarget);
    if (intent === "import" && file) formData.set("file", file);
    setStep(intent);
    startTransition(() => (intent === "import" ? requestImport(formData) : requestPreview(formData)));
  }

  // Without JavaScript the page comes back with one result and no step: show that one.
  const latest = step === "file-changed" ? null : step === "import" ? outcome : step === "preview" ? preview : (outcome ?? preview);
  const failed = tooLarge ? { message: labels.tooLarge, fieldErrors: { file: [labels.tooLarge] } } : latest && !latest.ok ? latest : null;
  const imported = latest === outcome && outcome?.ok ? outcome.data : null;
  const shown = !imported && step !== "file-changed" && preview?.ok ? preview.data : null;

  return (
    <div className="space-y-6">
      <form ref={previewForm} action={requestPreview} onSubmit={(event) => send(event, "preview")} className="grid max-w-xl gap-4">
        <FormError message={failed?.message} />
        {imported && (
          <Alert role="status" data-testid="import-done">
            <AlertDescription>{imported.notice}</AlertDescription>
          </Alert>
        )}
        <input type="hidden" name="table" value={table} />
        <FormField name="file" label={labels.file} description={labels.fileHint} error={failed?.fieldErrors?.file} required>
          <Input
            type="file"
            accept={fileTypes}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setStep("file-changed");
            }}
          />
        </FormField>
        <div>
          <Button type="submit" variant={shown?.digest ? "outline" : "default"} aria-disabled={pending || undefined}>
            {previewing && <Loader2Icon className="animate-spin" aria-hidden />}
            {previewing ? labels.previewing : labels.preview}
          </Button>
        </div>
      </form>

      {shown?.digest && (
        <form action={requestImport} onSubmit={(event) => send(event, "import")} className="grid max-w-xl gap-4">
          <input type="hidden" name="table" value={table} />
          <input type="hidden" name="digest" value={shown.digest} />
          {!scripted && (
            <FormField name="file" label={labels.fileAgain} required>
              <Input type="file" accept={fileTypes} />
            </FormField>
          )}
          <div>
            <Button type="submit" aria-disabled={pending || undefined}>
              {importing && <Loader2Icon className="animate-spin" aria-hidden />}
              {importing ? labels.importing : labels.import}
            </Button>
          </div>
        </form>
      )}
      {shown && <ImportPreviewView preview={shown} labels={labels} />}
    </div>
  );
}
