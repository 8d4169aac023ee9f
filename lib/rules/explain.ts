import { type Assessment, assess, type TierAssessment } from "./assessment";
import { findExam, passStanding } from "./catalogue";
import { cloudCrm } from "./cloud-crm";
import type { Locale, ProgramDefinition } from "./definition";
import { type Evaluation, evaluationOf } from "./evaluate";
import { exclusionOf, type RevenueExclusion } from "./revenue";
import { type EvaluationInput, examPassId, type Person } from "./schema";
import { phrases } from "./wording";

/** The ids a reason rests on, so that a page can point at the records themselves. */
export interface Evidence {
  readonly revenueIds: readonly string[];
  readonly examPassIds: readonly string[];
  readonly personIds: readonly string[];
}

export interface Reason {
  /** `slots` reasons also name their `role`. */
  readonly kind: "revenue" | "revenue-not-counted" | "slots" | "exam-not-counted" | "person-left";
  readonly role?: string;
  /** `note` explains a record that does not count, rather than a requirement. */
  readonly status: "met" | "not-met" | "note";
  readonly text: string;
  readonly evidence: Evidence;
}

export interface TierExplanation {
  readonly tier: string;
  readonly met: boolean;
  readonly summary: string;
  readonly reasons: readonly Reason[];
}

export interface Explanation {
  readonly evaluation: Evaluation;
  readonly locale: Locale;
  readonly tiers: readonly TierExplanation[];
}

/**
 * The evaluation, and for each tier why it is or is not met, in the partner's language. When a
 * tier lacks people, the reasons also name the passes and departures that do not count.
 */
export function explain(input: EvaluationInput, options: { locale?: Locale; definition?: ProgramDefinition } = {}): Explanation {
  const locale = options.locale ?? "en";
  const assessment = assess(input, options.definition ?? cloudCrm);
  const shared = {
    revenueNotCounted: revenueNotCounted(assessment, locale),
    notCounting: assessment.tiers.some((tier) => !tier.peopleMet) ? examsNotCounted(assessment, locale) : [],
  };
  return {
    evaluation: evaluationOf(assessment),
    locale,
    tiers: assessment.tiers.map((tier) => explainTier(assessment, tier, locale, shared)),
  };
}

const noEvidence: Evidence = { revenueIds: [], examPassIds: [], personIds: [] };

function explainTier(
  assessment: Assessment,
  tier: TierAssessment,
  locale: Locale,
  shared: { revenueNotCounted: Reason[]; notCounting: Reason[] },
): TierExplanation {
  const say = phrases[locale];
  const { tier: definition } = tier.tier;
  const revenue: Reason = {
    kind: "revenue",
    status: tier.revenueMet ? "met" : "not-met",
    text: say.revenue(assessment.revenue.totalCents, tier.thresholdCents, assessment.window),
    evidence: { ...noEvidence, revenueIds: assessment.revenue.countedIds },
  };
  const slots = assessment.program.definition.roles.flatMap((role, index): Reason[] => {
    if (!(role.id in definition.slots)) return [];
    const people = tier.slots[index].map((person) => assessment.input.people[person]);
    const needed = tier.tier.needed[index];
    return [
      {
        kind: "slots",
        role: role.id,
        status: people.length === needed ? "met" : "not-met",
        text: say.slots(role.title[locale], people.length, needed, people.map(nameOf)),
        evidence: {
          ...noEvidence,
          personIds: people.map((person) => person.id),
          examPassIds: people.flatMap((person) => passesHolding(assessment, person, assessment.program.roleGroups[index])),
        },
      },
    ];
  });
  return {
    tier: definition.id,
    met: tier.met,
    summary: say.tier(definition.title[locale], tier.met),
    reasons: [revenue, ...shared.revenueNotCounted, ...slots, ...(tier.peopleMet ? [] : shared.notCounting)],
  };
}

function nameOf(person: Person): string {
  return person.name ?? person.id;
}

/** The ids of a person's passes that count at `asOf` in the given groups. */
function passesHolding(assessment: Assessment, person: Person, groups: number): string[] {
  const { program, input } = assessment;
  return person.exams.flatMap((pass, index) => {
    const found = findExam(program, pass.code);
    const counts = passStanding(found?.exam, pass.passedOn, input.asOf, true) === "counts";
    return counts && found && (found.groupBit & groups) !== 0 ? [examPassId(person, index)] : [];
  });
}

function revenueNotCounted(assessment: Assessment, locale: Locale): Reason[] {
  const { program, input, window } = assessment;
  const byExclusion = new Map<RevenueExclusion, string[]>();
  for (const line of input.revenue) {
    const exclusion = exclusionOf(program, line, window);
    if (exclusion === null) continue;
    const ids = byExclusion.get(exclusion);
    if (ids) ids.push(line.id);
    else byExclusion.set(exclusion, [line.id]);
  }
  const facts = { competency: program.definition.title[locale], windowStart: window.start, asOf: input.asOf };
  return [...byExclusion].map(([exclusion, ids]) => ({
    kind: "revenue-not-counted",
    status: "note",
    text: phrases[locale].revenueExcluded(exclusion, ids.length, facts),
    evidence: { ...noEvidence, revenueIds: ids },
  }));
}

/** Passes that do not count, and people whose departure took their passes away. */
function examsNotCounted(assessment: Assessment, locale: Locale): Reason[] {
  const { program, input } = assessment;
  const say = phrases[locale];
  return input.people.flatMap((person, personIndex): Reason[] => {
    const personCounts = assessment.counts[personIndex] === 1;
    const lost: string[] = [];
    const notes = person.exams.flatMap((pass, index): Reason[] => {
      const exam = findExam(program, pass.code)?.exam;
      const standing = passStanding(exam, pass.passedOn, input.asOf, personCounts);
      if (standing === "counts") return [];
      if (standing === "person-left") {
        lost.push(examPassId(person, index));
        return [];
      }
      const facts = {
        code: exam?.code ?? pass.code.trim(),
        person: nameOf(person),
        passedOn: pass.passedOn,
        asOf: input.asOf,
        availableFrom: exam?.availableFrom ?? null,
        retiredOn: exam?.retiredOn ?? null,
        acceptedUntil: exam?.acceptedUntil ?? null,
      };
      return [
        {
          kind: "exam-not-counted",
          status: "note",
          text: say.passNotCounted(standing, facts),
          evidence: { ...noEvidence, examPassIds: [examPassId(person, index)], personIds: [person.id] },
        },
      ];
    });
    const left: Reason[] =
      lost.length > 0 && person.leftOn != null
        ? [
            {
              kind: "person-left",
              status: "note",
              text: say.personLeft(nameOf(person), person.leftOn),
              evidence: { ...noEvidence, examPassIds: lost, personIds: [person.id] },
            },
          ]
        : [];
    return [...left, ...notes];
  });
}
