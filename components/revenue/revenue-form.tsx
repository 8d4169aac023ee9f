"use client";

import { useActionState, useEffect } from "react";
import { toast } from "sonner";
import { FormError, FormField, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createRevenueLine, updateRevenueLine } from "@/lib/actions/revenue";
import type { MoneyFormat } from "@/lib/i18n/parse-money";
import type { RevenueProduct } from "@/lib/schemas/revenue";

export interface RevenueFormLabels {
  reference: string;
  referenceHint: string;
  customer: string;
  product: string;
  products: Record<RevenueProduct, string>;
  amount: string;
  amountHint: string;
  bookedOn: string;
  dpor: string;
  submit: string;
  pending: string;
}

/** What the edit form starts from; the amount already written in the reader's language. */
export interface RevenueFormDefaults {
  reference: string;
  customerName: string;
  product: RevenueProduct;
  amount: string;
  bookedOn: string;
  dporAssociated: boolean;
}

interface Failure {
  message: string;
  fieldErrors?: Record<string, string[]>;
  values?: Record<string, string>;
}

/** Books a new line; on success the action moves on to the list. */
export function NewRevenueLineForm({ labels, amountFormat }: { labels: RevenueFormLabels; amountFormat: MoneyFormat }) {
  const [result, submit] = useActionState(createRevenueLine, null);
  const failure = result && !result.ok ? result : null;
  return <RevenueFields submit={submit} failure={failure} labels={labels} amountFormat={amountFormat} />;
}

/** Edits a line at the version it was shown with; what was typed is shown again after an error. */
export function EditRevenueLineForm({
  line,
  labels,
  amountFormat,
}: {
  line: RevenueFormDefaults & { id: string; version: number };
  labels: RevenueFormLabels;
  amountFormat: MoneyFormat;
}) {
  const [result, submit] = useActionState(updateRevenueLine, null);
  useEffect(() => {
    if (result?.ok) toast.success(result.data.notice);
  }, [result]);
  const failure = result && !result.ok ? result : null;
  const version = result?.ok ? result.data.version : line.version;
  return (
    <RevenueFields submit={submit} failure={failure} labels={labels} amountFormat={amountFormat} defaults={line}>
      <input type="hidden" name="id" value={line.id} />
      <input type="hidden" name="version" value={version} />
    </RevenueFields>
  );
}

function RevenueFields({
  submit,
  failure,
  labels,
  amountFormat,
  defaults,
  children,
}: {
  submit: (formData: FormData) => void;
  failure: Failure | null;
  labels: RevenueFormLabels;
  amountFormat: MoneyFormat;
  defaults?: RevenueFormDefaults;
  children?: React.ReactNode;
}) {
  const typed = failure?.values;
  const value = (field: "reference" | "customerName" | "product" | "amount" | "bookedOn") => typed?.[field] ?? defaults?.[field] ?? "";
  // An unticked checkbox posts nothing, so after a failure its absence means "unticked".
  const dpor = typed ? typed.dporAssociated === "on" : (defaults?.dporAssociated ?? false);
  const errors = failure?.fieldErrors;
  return (
    <form action={submit} className="grid max-w-2xl gap-4 sm:grid-cols-2">
      <FormError className="sm:col-span-2" message={failure?.message} />
      {children}
      {/* The language the amount was typed in, not the one of the request: they differ if the reader switches mid-way. */}
      <input type="hidden" name="amountFormat" value={amountFormat} />
      <FormField name="reference" label={labels.reference} description={labels.referenceHint} error={errors?.reference} required>
        <Input defaultValue={value("reference")} maxLength={100} autoComplete="off" />
      </FormField>
      <FormField name="customerName" label={labels.customer} error={errors?.customerName} required>
        <Input defaultValue={value("customerName")} maxLength={200} autoComplete="off" />
      </FormField>
      <FormField name="product" label={labels.product} error={errors?.product} required>
        {/*
          A native select: it works before (and without) JavaScript. React resets a form after
          its action and restores a select to the option it was mounted with, so it is
          remounted whenever the choice to show changes.
        */}
        <select
          key={value("product")}
          defaultValue={value("product")}
          className="h-9 w-full rounded-md border border-input bg-transparent px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/50 aria-invalid:border-destructive dark:bg-input/30"
        >
          <option value="" disabled>
            {labels.product}
          </option>
          {Object.entries(labels.products).map(([product, label]) => (
            <option key={product} value={product}>
              {label}
            </option>
          ))}
        </select>
      </FormField>
      <FormField name="amount" label={labels.amount} description={labels.amountHint} error={errors?.amount} required>
        <Input defaultValue={value("amount")} inputMode="decimal" maxLength={40} autoComplete="off" />
      </FormField>
      <FormField name="bookedOn" label={labels.bookedOn} error={errors?.bookedOn} required>
        <Input type="date" defaultValue={value("bookedOn")} className="w-44" />
      </FormField>
      <div className="flex items-start gap-2 self-end pb-2 sm:col-span-2">
        <input id="revenue-dpor" type="checkbox" name="dporAssociated" defaultChecked={dpor} className="mt-0.5 size-4 accent-primary" />
        <Label htmlFor="revenue-dpor" className="font-normal">
          {labels.dpor}
        </Label>
      </div>
      <div className="sm:col-span-2">
        <SubmitButton pendingLabel={labels.pending}>{labels.submit}</SubmitButton>
      </div>
    </form>
  );
}
