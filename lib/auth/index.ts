import "server-only";
import NextAuth from "next-auth";
import { authConfig } from "./config";

/** The portal's one Auth.js instance: route handlers, session reads, sign-in and sign-out. */
export const { handlers, auth, signIn, signOut } = NextAuth(authConfig);
