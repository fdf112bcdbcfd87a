// Runs once when the server starts: in demo mode, seed the demo team (one account per role) so the
// login page can list them from the first request. Live stores never get demo accounts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  if (!getEnv().DEMO_MODE) return;
  const { getDemoAccounts } = await import("@/lib/auth/demo-accounts");
  await getDemoAccounts();
}
