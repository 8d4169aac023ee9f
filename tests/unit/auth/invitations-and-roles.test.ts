import { describe, expect, it } from "vitest";
import {
  invitationPath,
  invitationTokenHash,
  invitationTokenShape,
  invitationValidityMs,
  newInvitationToken,
} from "@/lib/auth/invitation-token";
import { verifiedEntraEmail } from "@/lib/auth/microsoft-entra";
import { readConfig } from "@/lib/config";
import { ForbiddenError, requireOrganization, requireRole } from "@/lib/auth/roles";
import type { SessionUser } from "@/lib/auth/session-user";

const employee: SessionUser = {
  id: "00000000-0000-4000-8000-000000000001",
  email: "alice@contoso.example",
  displayName: "Alice Martin",
  role: "employee",
  organizationId: "00000000-0000-4000-8000-0000000000aa",
  personId: null,
};

describe("an invitation token", () => {
  it("carries 256 random bits and is stored only as its SHA-256", () => {
    const { token, tokenHash } = newInvitationToken();
    expect(token).toMatch(invitationTokenShape);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    expect(tokenHash).toBe(invitationTokenHash(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(newInvitationToken().token).not.toBe(token);
    expect(invitationPath(token)).toBe(`/invitations/${token}`);
  });

  it("is valid 7 days", () => {
    expect(invitationValidityMs).toBe(604_800_000);
  });
});

describe("roles", () => {
  it("refuses a role that is not listed", () => {
    expect(() => requireRole(employee, ["partner_admin"])).toThrow(ForbiddenError);
    expect(() => requireRole(employee, ["partner_admin", "employee"])).not.toThrow();
  });

  it("gives a partner user's organization, and none to a reviewer", () => {
    expect(requireOrganization(employee)).toBe(employee.organizationId);
    expect(() => requireOrganization({ ...employee, role: "reviewer", organizationId: null })).toThrow(ForbiddenError);
  });
});

describe("single sign-on with Microsoft Entra ID", () => {
  it("is offered only when all three settings are present", () => {
    const env = {
      AUTH_MICROSOFT_ENTRA_ID_ID: "id",
      AUTH_MICROSOFT_ENTRA_ID_SECRET: "secret",
      AUTH_MICROSOFT_ENTRA_ID_ISSUER: "https://login.microsoftonline.com/t/v2.0",
    };
    expect(readConfig(env).microsoftEntra).toEqual({ clientId: "id", clientSecret: "secret", issuer: env.AUTH_MICROSOFT_ENTRA_ID_ISSUER });
    expect(readConfig({}).microsoftEntra).toBeNull();
    expect(() => readConfig({ ...env, AUTH_MICROSOFT_ENTRA_ID_SECRET: "" })).toThrow(/AUTH_MICROSOFT_ENTRA_ID_ID set all three/);
  });

  it("trusts an email only when Entra ID vouches for it", () => {
    expect(verifiedEntraEmail({ email: "Claire@Contoso.example", xms_edov: true })).toBe("claire@contoso.example");
    expect(verifiedEntraEmail({ email: "claire@contoso.example", verified_primary_email: ["CLAIRE@contoso.example"] })).toBe(
      "claire@contoso.example",
    );
    expect(verifiedEntraEmail({ email: "admin@contoso.example" })).toBeNull();
    expect(
      verifiedEntraEmail({ email: "admin@contoso.example", xms_edov: false, verified_primary_email: ["me@tenant.example"] }),
    ).toBeNull();
    expect(verifiedEntraEmail({ preferred_username: "admin@contoso.example", xms_edov: true })).toBeNull();
  });
});
