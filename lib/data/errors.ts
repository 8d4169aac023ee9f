import "server-only";

/**
 * Errors a data function throws for the action wrapper to turn into a result. A record of
 * another organization raises NotFoundError exactly like a record that does not exist.
 */
export class NotFoundError extends Error {
  constructor(message = "not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export interface ConflictDetails {
  /** A message key (e.g. "invitations.errors.alreadyMember") the person is shown instead of the generic one. */
  messageKey?: string;
  /** The form field the conflict is about, so the message can sit beside it. */
  field?: string;
}

export class ConflictError extends Error {
  readonly details: ConflictDetails;

  constructor(message = "conflict", details: ConflictDetails = {}) {
    super(message);
    this.name = "ConflictError";
    this.details = details;
  }
}
