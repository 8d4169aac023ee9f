import type { CalendarDate } from "./dates";
import type { Cents } from "./money";

/**
 * The shape of a competency, as data. The engine knows nothing of Cloud CRM: a third role, a
 * tier with 3 + 3 slots or another competency is a new `ProgramDefinition`, not new code.
 */

export type Locale = "en" | "fr";

export type LocalizedText = Readonly<Record<Locale, string>>;

/** One exam of the catalogue and its lifecycle; `null` means "no such limit". */
export interface CatalogueExam {
  /** Upper case, as reported in the output. */
  readonly code: string;
  readonly group: string;
  readonly title: LocalizedText;
  /** The first day the exam can be passed. */
  readonly availableFrom: CalendarDate | null;
  /** The last day the exam can be passed. */
  readonly retiredOn: CalendarDate | null;
  /** The last day a pass of this exam counts for the competency. */
  readonly acceptedUntil: CalendarDate | null;
}

/** A set of interchangeable exams: passing any one of them holds the group. */
export interface ExamGroup {
  readonly id: string;
  readonly title: LocalizedText;
}

/** What one person must hold to stand in a slot: every listed group, by the same person. */
export interface Role {
  readonly id: string;
  readonly title: LocalizedText;
  readonly groups: readonly string[];
}

export interface Tier {
  readonly id: string;
  readonly title: LocalizedText;
  /** Slots per role id; a role left out has no slot in this tier. */
  readonly slots: Readonly<Record<string, number>>;
  /** Revenue threshold per market id. */
  readonly revenueThresholdCents: Readonly<Record<string, Cents>>;
}

export interface ProgramDefinition {
  readonly id: string;
  readonly title: LocalizedText;
  readonly catalogue: readonly CatalogueExam[];
  readonly groups: readonly ExamGroup[];
  readonly roles: readonly Role[];
  readonly markets: readonly string[];
  /** From the lowest to the highest. */
  readonly tiers: readonly Tier[];
  /** Revenue counts when booked in the trailing window of this many years ending on `asOf`. */
  readonly revenueWindowYears: number;
  /** Product ids whose revenue counts. */
  readonly countingProducts: readonly string[];
}
