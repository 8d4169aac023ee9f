import { z } from "zod";
import { recordId, text } from "./fields";

/** How a token's rights are written on the page and the command line, and how they are stored. */
export const tokenScopeChoices = { read: "read", "read+write": "read_write" } as const;

/** A new API token: the page and `npm run tokens:create` parse with it. It lives a year at most. */
export const apiTokenInput = z.object({
  name: text(80),
  scope: z.enum(["read", "read+write"]).transform((scope) => tokenScopeChoices[scope]),
  expiresInDays: z.coerce.number().int().min(1).max(365).default(90),
});

export const revokeApiTokenInput = z.object({ id: recordId });
