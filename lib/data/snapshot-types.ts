import type { Market } from "@/db/schema";
import type { Evaluation } from "@/lib/rules";

/** What a submission froze: stored as JSON in submissions.snapshot, never changed afterwards. */
export interface SubmissionSnapshot {
  /** Bumped if the shape ever changes, so old snapshots stay readable. */
  format: 1;
  asOf: string;
  organization: { id: string; name: string; mpnId: string; market: Market };
  /** `evaluate` on the copied evidence, as it answered on the day of submission. */
  evaluation: Evaluation;
  /**
   * The program's version in force on `asOf`, its definition in the contract's JSON: the
   * review evaluates under it whatever is published later. Absent from snapshots taken
   * before the program had versions, which were all evaluated under the built-in first one.
   */
  program?: SnapshotProgram;
  people: SnapshotPerson[];
  examPasses: SnapshotExamPass[];
  revenueLines: SnapshotRevenueLine[];
}

export interface SnapshotPerson {
  id: string;
  name: string;
  email: string | null;
  mcid: string | null;
  /** The person had confirmed, signed in, that the MCID is theirs (absent from older snapshots). */
  mcidConfirmed?: boolean;
  leftOn: string | null;
  version: number;
}

export interface SnapshotExamPass {
  id: string;
  personId: string;
  code: string;
  passedOn: string;
  certificationRef: string | null;
  /** Absent from snapshots taken before passes carried their transcript. */
  transcriptId?: string | null;
  transcriptCode?: string | null;
  version: number;
}

export interface SnapshotRevenueLine {
  id: string;
  reference: string;
  customer: string;
  product: string;
  amountCents: number;
  bookedOn: string;
  dporAssociated: boolean;
  version: number;
}

export interface SnapshotProgram {
  id: string;
  versionId: string;
  effectiveFrom: string | null;
  definition: unknown;
}
