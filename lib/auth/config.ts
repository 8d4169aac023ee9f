import "server-only";
import { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import MicrosoftEntraID from "next-auth/providers/microsoft-entra-id";
import { z } from "zod";
import { clientAddressFrom } from "./client-address";
import { authorizePassword } from "./credentials";
import { config, type PortalConfig } from "@/lib/config";
import { matchEntraUser } from "./microsoft-entra";
import { signInPath } from "./paths";
import { appConnection } from "@/db/client";
import { startSession } from "@/lib/data/sessions";
import { sessionIsCurrent, sessionMaxAgeSeconds } from "./session-lifetime";
import { WrongCredentials } from "./sign-in-errors";

const credentialsInput = z.object({ email: z.string().max(320), password: z.string().max(1024) });

const passwordProvider = Credentials({
  credentials: { email: {}, password: {} },
  async authorize(credentials, request) {
    const parsed = credentialsInput.safeParse(credentials);
    if (!parsed.success) throw new WrongCredentials();
    const user = await authorizePassword({ ...parsed.data, clientAddress: clientAddressFrom(request.headers) });
    return { id: user.id, email: user.email, name: user.displayName };
  },
});

// The profile keeps only what the session needs; the default one also downloads the photo.
const entraProvider = (entra: NonNullable<PortalConfig["microsoftEntra"]>) =>
  MicrosoftEntraID({
    ...entra,
    profile: (profile) => ({ id: profile.sub, email: profile.email, name: profile.name }),
  });

const settings = config();

export const authConfig: NextAuthConfig = {
  secret: settings.authSecret,
  trustHost: settings.trustHost,
  providers: settings.microsoftEntra ? [passwordProvider, entraProvider(settings.microsoftEntra)] : [passwordProvider],
  // Cookies are HttpOnly and SameSite=Lax by Auth.js default, and Secure (with the
  // __Secure- prefix) whenever AUTH_URL or the forwarded protocol is https.
  session: { strategy: "jwt", maxAge: sessionMaxAgeSeconds },
  pages: { signIn: signInPath, error: signInPath },
  callbacks: {
    async signIn({ account, profile }) {
      if (account?.provider !== "microsoft-entra-id") return true;
      return (await matchEntraUser(profile, { audit: true })) !== null;
    },
    // The token carries only the user id, its session's id and when they signed in: role,
    // organization, disabled state and whether the session was ended are read from the
    // database on every request (lib/auth/session.ts).
    async jwt({ token, user, account, profile, trigger }) {
      if (trigger === "signIn" && account) {
        const userId = account.provider === "microsoft-entra-id" ? (await matchEntraUser(profile, { audit: false }))?.id : user.id;
        if (!userId) return null;
        const { db } = await appConnection();
        return { sub: userId, sid: await startSession(db, userId), signedInAt: Date.now() };
      }
      return sessionIsCurrent(token.signedInAt) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      if (typeof token.sid === "string") session.sessionId = token.sid;
      return session;
    },
  },
  logger: {
    // A refused password is an expected outcome, recorded in the audit log, not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
};
