import { z } from "zod";
import { pageNumber } from "@/lib/schemas/fields";
import { optionalDate, optionalText, recordId, rowVersion, searchText, text } from "./fields";

/** One person of a partner organization: the form, the action and the CSV import parse with it. */
export const personInput = z.object({
  name: text(200),
  email: z
    .union([z.literal(""), z.string().trim().toLowerCase().max(320).pipe(z.email())])
    .nullish()
    .transform((value) => value || null),
  mcid: optionalText(20).refine((value) => value === null || /^[0-9]{3,20}$/.test(value), "people.errors.mcidShape"),
  leftOn: optionalDate,
});

export const updatePersonInput = personInput.extend({ id: recordId, version: rowVersion });

/** `confirmed`: the admin saw what the departure does to the tier and records it anyway. */
export const personDepartureInput = z.object({
  id: recordId,
  version: rowVersion,
  leftOn: optionalDate,
  confirmed: z.literal("1").optional(),
});

export const peopleSortKeys = ["name", "mcid", "email", "leftOn"] as const;

export const peopleQuery = z.object({
  q: searchText,
  sort: z.enum(peopleSortKeys).catch("name"),
  direction: z.enum(["asc", "desc"]).catch("asc"),
  page: pageNumber,
  status: z.enum(["current", "left", "all"]).catch("current"),
});

export type PersonInput = z.output<typeof personInput>;
export type PeopleQuery = z.output<typeof peopleQuery>;

/** One person of the organization, by id. */
export const personIdInput = z.object({ id: recordId });
