"use client";

import { useState } from "react";
import { ActionForm } from "@/components/submissions/action-form";
import { Button } from "@/components/ui/button";
import { FormMessage, SubmitButton } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import type { CheckMethod } from "@/db/schema";
import { recordVerdict } from "@/lib/actions/review";
import { NativeSelect } from "@/components/ui/native-select";

export interface VerdictLabels {
  verify: string;
  reject: string;
  confirmReject: string;
  cancel: string;
  reason: string;
  ownReason: string;
  details: string;
  reasonPlaceholder: string;
  checkMethod: string;
  checkMethods: Record<CheckMethod, string>;
  checkNote: string;
  /** The reasons a reviewer usually gives, per kind of evidence. */
  usualReasons: Record<"exam_pass" | "revenue_line", string[]>;
}

/**
 * Verify one exam pass or revenue line of the case, or reject it: Reject opens the reason, one of
 * the usual reasons with optional details, or the reviewer's own words.
 */
export function VerdictControls({
  submissionId,
  itemKind,
  itemId,
  label,
  labels,
  suggestedCheck,
}: {
  submissionId: string;
  itemKind: "exam_pass" | "revenue_line";
  itemId: string;
  /** The record's name, so each control says which record it acts on. */
  label: string;
  labels: VerdictLabels;
  /** For an exam pass, how it is likely checked: by its transcript when the partner gave one. */
  suggestedCheck?: CheckMethod;
}) {
  const [rejecting, setRejecting] = useState(false);
  const [check, setCheck] = useState<CheckMethod>(suggestedCheck ?? "transcript");
  const [usual, setUsual] = useState("");
  const [details, setDetails] = useState("");
  const reason = usual && details.trim() ? `${usual} — ${details.trim()}` : usual || details;
  const hidden = { submissionId, itemKind, itemId };

  if (!rejecting) {
    return (
      <div className="flex flex-wrap items-start gap-2" data-print="hide">
        <ActionForm
          action={recordVerdict}
          hidden={{ ...hidden, status: "verified", ...(itemKind === "exam_pass" ? { checkMethod: check } : {}) }}
          className="flex flex-wrap items-start gap-2"
        >
          {(fieldErrors) => (
            <>
              {itemKind === "exam_pass" && (
                <div className="grid gap-1">
                  <NativeSelect
                    aria-label={`${labels.checkMethod}: ${label}`}
                    value={check}
                    onChange={(event) => setCheck(event.target.value as CheckMethod)}
                    className="h-8"
                  >
                    {(Object.keys(labels.checkMethods) as CheckMethod[]).map((method) => (
                      <option key={method} value={method}>
                        {labels.checkMethods[method]}
                      </option>
                    ))}
                  </NativeSelect>
                  {check === "other" && (
                    <Input
                      name="checkNote"
                      maxLength={300}
                      aria-label={`${labels.checkNote}: ${label}`}
                      placeholder={labels.checkNote}
                      aria-invalid={fieldErrors.checkNote ? true : undefined}
                      className="h-8"
                    />
                  )}
                  <FormMessage message={fieldErrors.checkNote ?? fieldErrors.checkMethod} />
                </div>
              )}
              <SubmitButton size="sm" variant="outline" aria-label={`${labels.verify}: ${label}`}>
                {labels.verify}
              </SubmitButton>
            </>
          )}
        </ActionForm>
        <Button type="button" size="sm" variant="destructive" aria-label={`${labels.reject}: ${label}`} onClick={() => setRejecting(true)}>
          {labels.reject}
        </Button>
      </div>
    );
  }

  return (
    <div data-print="hide">
      <ActionForm action={recordVerdict} hidden={{ ...hidden, status: "rejected", reason }} className="grid gap-2 md:w-72">
        {(fieldErrors) => (
          <>
            <NativeSelect
              aria-label={`${labels.reason}: ${label}`}
              value={usual}
              onChange={(event) => setUsual(event.target.value)}
              // Opened by the reviewer's Reject: the reason comes next.
              autoFocus
              className="w-full"
            >
              <option value="">{labels.ownReason}</option>
              {labels.usualReasons[itemKind].map((text) => (
                <option key={text} value={text}>
                  {text}
                </option>
              ))}
            </NativeSelect>
            <Input
              value={details}
              onChange={(event) => setDetails(event.target.value)}
              maxLength={400}
              placeholder={labels.reasonPlaceholder}
              aria-label={`${usual ? labels.details : labels.reason}: ${label}`}
              aria-invalid={fieldErrors.reason ? true : undefined}
              className="h-8"
            />
            <FormMessage message={fieldErrors.reason} />
            <div className="flex flex-wrap gap-2">
              <SubmitButton size="sm" variant="destructive" aria-label={`${labels.confirmReject}: ${label}`}>
                {labels.confirmReject}
              </SubmitButton>
              <Button type="button" size="sm" variant="ghost" onClick={() => setRejecting(false)}>
                {labels.cancel}
              </Button>
            </div>
          </>
        )}
      </ActionForm>
    </div>
  );
}
