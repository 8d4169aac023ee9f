import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    /** The sign-in this session belongs to (a row of user_sessions). */
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
    signedInAt?: number;
  }
}
