// Runs once when the server starts (never during `next build`): in demo mode, seed the demo team (one
// account per role) so the login page can list them from the first request (live stores never get demo
// accounts); then warm the store name so the first page does not wait for GET /store, and start the
// background jobs (the sync runner and the Pulse queue's resume), once per process.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getEnv } = await import("@/lib/env");
  if (getEnv().DEMO_MODE) {
    const { getDemoAccounts } = await import("@/lib/auth/demo-accounts");
    await getDemoAccounts();
  }
  // Awaited (Next.js serves once register() resolves) so that no request's API call creates the key's
  // scheduler before it gets its database-backed budget; at most ~3 s for the store name.
  const { startBackgroundJobs } = await import("@/lib/background-jobs");
  await startBackgroundJobs();
}
