import { z } from "zod";
import { calendarDateSchema } from "@/lib/rules";

/** A form field left empty posts ""; these treat it as "no value". */
export const optionalText = (maximum: number) =>
  z
    .string()
    .trim()
    .max(maximum)
    .transform((value) => value || null)
    .nullish()
    .transform((value) => value ?? null);

export const optionalDate = z
  .union([z.literal(""), calendarDateSchema])
  .nullish()
  .transform((value) => value || null);

export const recordId = z.uuid();

/** The version a form was rendered with: an update applies only if nobody changed the row since. */
export const rowVersion = z.coerce.number().int().min(1).max(2_147_483_647);
