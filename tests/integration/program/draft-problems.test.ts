import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/actions/action";
import { localizeDraftProblems } from "@/lib/i18n/program-problems";
import { cloudCrm, definitionFileOf } from "@/lib/rules";

describe("a draft's problems as a program administrator reads them", () => {
  const definition = definitionFileOf(cloudCrm);
  const exam = definition.catalogue[1];
  const problems = [
    { path: "definition.catalogue[1].retiredOn", message: "must be on or after availableFrom" },
    { path: "definition.tiers[0].slots.application", message: "at least 0" },
    { path: "definition.revenueWindowYears", message: "from 1 to 5" },
  ];

  it("names the field a rule compares with by its label, at the edited exam's field", () => {
    const { fieldErrors } = localizeDraftProblems(problems.slice(0, 1), "definition.catalogue[1]", translatorFor("en"));
    expect(fieldErrors).toEqual({ retiredOn: ["Must be on or after “Available from”."] });
    const french = localizeDraftProblems(problems.slice(0, 1), "definition.catalogue[1]", translatorFor("fr"));
    expect(french.fieldErrors.retiredOn).toEqual(["Doit tomber à la date «\u202fDisponible à partir du\u202f» ou après."]);
  });

  it("says where a problem outside the form is by the exam's code and the tier's id, not by its JSON path", () => {
    const { message } = localizeDraftProblems(problems, "definition.groups[0]", translatorFor("en"), definition);
    expect(message).toBe(
      `Not saved: Exam ${exam.code}, Retired on: Must be on or after “Available from”. · Tier ${definition.tiers[0].id}, places for application: Enter at least 0. · Revenue window: From 1 to 5 years.`,
    );
  });
});
