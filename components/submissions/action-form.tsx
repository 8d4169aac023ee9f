"use client";

import { type ReactNode, useActionState, useEffect } from "react";
import { toast } from "sonner";
import { confirmFirst, FormError } from "@/components/ui/form";
import type { ActionResult } from "@/lib/actions/action";

type Notice = { notice?: string } | undefined | void;

/**
 * A form posting to one server action: hidden fields, the caller's controls, a toast on
 * success and the failure beside the form. Field errors come back to `children` through the
 * render prop so a textarea can show its own.
 */
export function ActionForm<T extends Notice>({
  action,
  hidden,
  confirm,
  className,
  children,
}: {
  action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  hidden: Record<string, string>;
  confirm?: string;
  className?: string;
  children: ReactNode | ((fieldErrors: Record<string, string[]>) => ReactNode);
}) {
  const [result, submit] = useActionState(action, null);
  useEffect(() => {
    if (result?.ok && result.data && result.data.notice) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  return (
    <form action={submit} className={className} onSubmit={confirmFirst(confirm)}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {typeof children === "function" ? children(failure?.fieldErrors ?? {}) : children}
      {failure && !failure.fieldErrors && <FormError className="mt-2" message={failure.message} />}
    </form>
  );
}
