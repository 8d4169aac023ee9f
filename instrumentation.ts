/** Next.js calls this once as each server starts: the job queue starts with it (lib/jobs). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerJobs } = await import("./lib/jobs/server");
  // The pages work without the queue; a queue that cannot start is reported, not fatal.
  await startServerJobs().catch((error: unknown) => console.error("job queue not started:", error));
}
