// Runs once when the server starts: in demo mode, seed the demo team (one account per role) so the
// login page can list them from the first request (live stores never get demo accounts); then warm the
// store name so the first page does not wait for GET /store.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("@/lib/env");
  if (getEnv().DEMO_MODE) {
    const { getDemoAccounts } = await import("@/lib/auth/demo-accounts");
    await getDemoAccounts();
  }
  const { getStoreName } = await import("@/lib/store/store-info");
  void getStoreName();
}
