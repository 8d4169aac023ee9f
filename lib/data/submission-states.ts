import type { SubmissionStatus } from "@/db/schema";

/**
 * The life of a submission. Submitting creates it `submitted`; from there:
 *
 *   submitted --withdraw (partner admin)--> withdrawn
 *   submitted --claim (reviewer)----------> claimed
 *   claimed --release (the claiming reviewer)--> submitted
 *   claimed --approve / request_changes / reject (the claiming reviewer)--> approved | changes_requested | rejected
 *
 * Withdrawn, approved, changes_requested and rejected are final; requested changes are
 * answered by a new submission linked to the old one. Pure data: the actions' input schema and the decisions read it.
 */
export const transitions = {
  withdraw: { from: "submitted", to: "withdrawn", by: "partner_admin" },
  claim: { from: "submitted", to: "claimed", by: "reviewer" },
  release: { from: "claimed", to: "submitted", by: "reviewer" },
  approve: { from: "claimed", to: "approved", by: "reviewer" },
  request_changes: { from: "claimed", to: "changes_requested", by: "reviewer" },
  reject: { from: "claimed", to: "rejected", by: "reviewer" },
} as const satisfies Record<string, { from: SubmissionStatus; to: SubmissionStatus; by: "partner_admin" | "reviewer" }>;

export type Transition = keyof typeof transitions;
export const decisions = ["approve", "request_changes", "reject"] as const satisfies readonly Transition[];
