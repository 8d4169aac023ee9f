import { z } from "zod";
import { checkMethods, evidenceKinds, evidenceVerdicts, markets, submissionStatuses, submissionTiers } from "@/db/schema";
import { decisions } from "@/lib/data/submission-states";
import { optionalText, recordId } from "./fields";

export const applyInput = z.object({ tier: z.enum(submissionTiers) });

export const submissionIdInput = z.object({ id: recordId });

/** "Verify all remaining": the count the reviewer was shown, and the confirmation of it. */
export const verifyRemainingInput = z.object({
  id: recordId,
  expected: z.coerce.number().int().min(0).max(100_000),
  confirmed: z.literal("1").optional(),
  /** How the exam passes among them were checked: one way for all (a note belongs to one pass). */
  checkMethod: z.enum(["transcript", "certificate"]).default("transcript"),
});

/** A reviewer's verdict on one piece of evidence; a rejection must say why. */
export const verdictInput = z
  .object({
    submissionId: recordId,
    itemKind: z.enum(evidenceKinds),
    itemId: recordId,
    status: z.enum(evidenceVerdicts),
    reason: optionalText(500, { multiline: true }),
    /** How a verified exam pass was checked; "other" says how in the note. */
    checkMethod: z.enum(checkMethods).optional(),
    checkNote: optionalText(300),
  })
  .superRefine((input, context) => {
    if (input.status === "rejected" && !input.reason) {
      context.addIssue({ code: "custom", path: ["reason"], message: "review.errors.reasonRequired" });
    }
    if (input.status === "verified" && input.itemKind === "exam_pass") {
      if (!input.checkMethod) context.addIssue({ code: "custom", path: ["checkMethod"], message: "review.errors.checkMethodRequired" });
      else if (input.checkMethod === "other" && !input.checkNote) {
        context.addIssue({ code: "custom", path: ["checkNote"], message: "review.errors.checkNoteRequired" });
      }
    }
  });

/** Approve, request changes or reject; the partner is always told why it came back. */
export const decisionInput = z
  .object({ id: recordId, decision: z.enum(decisions), message: optionalText(2000, { multiline: true }) })
  .superRefine((input, context) => {
    if (input.decision !== "approve" && !input.message) {
      context.addIssue({ code: "custom", path: ["message"], message: "review.errors.messageRequired" });
    }
  });

const one = (value: unknown): unknown => (Array.isArray(value) ? (value as unknown[])[0] : value);

/** The queue's filters, from the query string: anything unknown falls back to "every". */
export const queueFilter = z.object({
  status: z.preprocess(one, z.enum([...submissionStatuses, "open", "all"]).catch("open")).default("open"),
  tier: z.preprocess(one, z.enum(submissionTiers).optional().catch(undefined)),
  market: z.preprocess(one, z.enum(markets).optional().catch(undefined)),
});

export const notificationIdInput = z.object({ id: recordId });

export type VerdictInput = z.output<typeof verdictInput>;
export type DecisionInput = z.output<typeof decisionInput>;
export type QueueFilter = z.output<typeof queueFilter>;
