/**
 * Who writes, for a data function to check the organization with and to audit: a signed-in
 * user, or an organization's API token (then `actorId` is null and the token is the actor).
 */
export interface Actor {
  organizationId: string;
  actorId: string | null;
  tokenId?: string | null;
}
