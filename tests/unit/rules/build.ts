import type { EvaluationInput, ExamPass, Person, RevenueLine } from "@/lib/rules";

/** Small builders for the engine's input, so that each test shows only what matters to it. */

export function pass(code: string, passedOn = "2018-01-15", id?: string): ExamPass {
  return id === undefined ? { code, passedOn } : { id, code, passedOn };
}

export function person(id: string, exams: ExamPass[] = [], more: Partial<Person> = {}): Person {
  return { id, name: id.charAt(0).toUpperCase() + id.slice(1), exams, ...more };
}

/** A line that counts unless told otherwise: DPOR, CRM Online, booked inside any 2018 window. */
export function line(id: string, amountCents: number, more: Partial<RevenueLine> = {}): RevenueLine {
  return { id, product: "crm-online", amountCents, bookedOn: "2018-03-01", dporAssociated: true, ...more };
}

export function organization(more: Partial<EvaluationInput> = {}): EvaluationInput {
  return { asOf: "2018-06-30", market: "developed", people: [], revenue: [], ...more };
}

/** USD 100,000.00: the Silver and Gold threshold of the seed. */
export const THRESHOLD = 10_000_000;

/** People who fill the Silver slots, and the revenue to go with them. */
export const silverPeople = (): Person[] => [person("alice", [pass("MB2-717"), pass("MB2-710")]), person("bruno", [pass("MB2-712")])];
