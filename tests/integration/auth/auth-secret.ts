// Imported first by tests that call Auth.js's route handlers: NextAuth() reads AUTH_SECRET
// when lib/auth is first imported, before any test code runs.
process.env.AUTH_SECRET ??= "integration-tests-auth-secret-0123456789abcdef";
