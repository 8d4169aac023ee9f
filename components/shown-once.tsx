"use client";

import { toast } from "sonner";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/**
 * A credential made just now (an invitation link, an API token, a signing secret), shown this
 * once to be copied: the portal does not keep it in a form it could show again.
 */
export function ShownOnce({
  notice,
  hint,
  value,
  labels,
  monospace = false,
}: {
  notice: string;
  hint?: string;
  value: string;
  labels: { value: string; copy: string; copied: string };
  monospace?: boolean;
}) {
  async function copy() {
    await navigator.clipboard.writeText(value);
    toast.success(labels.copied);
  }

  return (
    <Alert variant="success" role="status">
      <AlertDescription className="grid w-full gap-2">
        <p>{notice}</p>
        {hint && <p>{hint}</p>}
        <div className="flex w-full items-center gap-2">
          <Input
            readOnly
            value={value}
            aria-label={labels.value}
            className={monospace ? "font-mono" : undefined}
            onFocus={(event) => event.target.select()}
          />
          <Button type="button" variant="outline" onClick={() => void copy()}>
            {labels.copy}
          </Button>
        </div>
      </AlertDescription>
    </Alert>
  );
}
