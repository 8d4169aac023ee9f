"use server";

import { z } from "zod";
import { appConnection } from "@/db/client";
import { requireOrganization, requireRole } from "@/lib/auth/roles";
import { setMemberAccess } from "@/lib/data/users";
import { formAction, revalidate } from "./action";

const accessInput = z.object({
  userId: z.uuid(),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
  access: z.enum(["disable", "enable"]),
});

/** A partner admin turns a member's access off (someone who left) or back on. */
export const setMemberAccessAction = formAction(accessInput, async (input, { user }) => {
  requireRole(user, ["partner_admin"]);
  const { db } = await appConnection();
  await setMemberAccess(
    db,
    { organizationId: requireOrganization(user), actorId: user.id },
    { userId: input.userId, version: input.version, disabled: input.access === "disable" },
  );
  revalidate("/team");
});
