import { handlers } from "@/lib/auth";

/** Auth.js's own endpoints: CSRF token, credentials callback, Entra ID callback, session, sign-out. */
export const { GET, POST } = handlers;
