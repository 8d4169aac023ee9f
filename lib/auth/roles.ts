import type { SessionUser } from "./session-user";

/** The signed-in user may not do this. Actions turn it into a "forbidden" result. */
export class ForbiddenError extends Error {
  constructor(message = "forbidden") {
    super(message);
    this.name = "ForbiddenError";
  }
}

export function requireRole(user: SessionUser, roles: readonly SessionUser["role"][]): void {
  if (!roles.includes(user.role)) {
    throw new ForbiddenError(`${user.role} may not do this (needs ${roles.join(" or ")})`);
  }
}

/** The organization a partner user acts for; reviewers belong to none. */
export function requireOrganization(user: SessionUser): string {
  if (user.organizationId === null) throw new ForbiddenError(`${user.role} ${user.id} belongs to no organization`);
  return user.organizationId;
}
