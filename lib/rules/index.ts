/**
 * The competency rules: pure TypeScript, no I/O, usable on the server and in the browser.
 * Pages, server actions, the review workflow and the command line all call `evaluate`.
 */
export { cloudCrm } from "./cloud-crm";
export type { CatalogueExam, ExamGroup, Locale, LocalizedText, ProgramDefinition, Role, Tier } from "./definition";
export { addDays, type CalendarDate, dayNumber, isCalendarDate, sameDateYearsLater } from "./dates";
export { type Cents, centsFromUsd, hasAtMostTwoDecimals, MAX_LINE_AMOUNT_USD, usdFromCents } from "./money";
export { type RevenueWindow, windowFor } from "./window";
export { examByCode, normalizeExamCode, type PassStanding, type Rejection, rejectionOf } from "./catalogue";
export { NO_TIER, tierIds, tierRank } from "./tiers";
export {
  amountUsdSchema,
  calendarDateSchema,
  contractInput,
  type EvaluationInput,
  type EvaluationInputJson,
  evaluationInputSchema,
  evaluationInputSchemaFor,
  type ExamPass,
  examPassId,
  examPassSchema,
  forecastUntilIssue,
  forecastUntilSchema,
  LIMITS,
  type Person,
  personSchema,
  type RevenueLine,
  revenueLineSchema,
} from "./schema";
export { describeIssues, jsonPath, type Parsed, parseEvaluationInput, parseWith } from "./validation";
export { passesAfterDeparture, type RejectedPass } from "./assessment";
export {
  type Evaluation,
  evaluate,
  type MissingGroups,
  type NextTier,
  type PersonStatus,
  type PlanStepView,
  type SlotFill,
  type TierStatus,
} from "./evaluate";
export { type Evidence, type Explanation, explain, type Reason, type TierExplanation } from "./explain";
export { CHANGE_CAUSES, type ChangeCause, type Forecast, forecast, type TierChange } from "./forecast";
export { type Headline, headline, type HeadlineStep } from "./headline";
export { applyChange, type HypotheticalChange, type Impact, impactOf, type Standing } from "./impact";
export { type TierRisk, tierRisk } from "./risk";
export { writeDate, writeUsd } from "./wording";
export {
  ALERT_KINDS,
  type AlertCause,
  type AlertKind,
  EXAM_EXPIRING_DAYS,
  lastLapsedAward,
  type OpenAlert,
  RENEWAL_DUE_THRESHOLDS,
  TIER_ENDING_THRESHOLDS,
  watchAlerts,
  type WatchFacts,
} from "./watch";
export { type RevenueHistory, revenueHistory, type RevenuePoint } from "./revenue-history";
export { isOneExamAway } from "./one-exam-away";
export {
  type ApplicationRefusal,
  type ApplicationStanding,
  applicationRefusal,
  type Award,
  awardInForce,
  awardTerm,
  inRenewalWindow,
  isApprovable,
  nextAwardTerm,
  RENEWAL_WINDOW_DAYS,
  renewalOpensOn,
  tierToApplyFor,
} from "./award";
export { examOfPass } from "./exam-of-pass";
export { builtInProgram, evaluateOn, forecastAcross, type ProgramVersion, type VersionedProgram, versionInForce } from "./versions";
export {
  definitionFileOf,
  type DefinitionFileJson,
  parseProgramDefinition,
  parseProgramFile,
  PROGRAM_LIMITS,
  programFileOf,
} from "./program-file";
export { definitionChanges, type FieldChange } from "./definition-changes";
export { type DifferenceCause, firstDayOfEffect, type ProgramImpact, programImpact, type TierDifference } from "./program-impact";
