import { z } from "zod";
import { alertDeliveryModes } from "@/db/schema";
import { ALERT_KINDS } from "@/lib/rules";

const mode = z.enum(alertDeliveryModes, { error: "must be immediate, digest or never" });

/** The alert email choices form: one field per kind of alert, each optional. */
export const alertEmailChoicesInput = z.strictObject(
  Object.fromEntries(ALERT_KINDS.map((kind) => [kind, mode.optional()])) as Record<
    (typeof ALERT_KINDS)[number],
    z.ZodOptional<typeof mode>
  >,
);

/** An unsubscribe link's token, as the page posts it back. */
export const unsubscribeInput = z.object({ token: z.string().min(1).max(200) });
