// Signs every demo role in through the API and saves its cookies for the api and ui projects.
import { mkdirSync } from "node:fs";
import { test as setup } from "@playwright/test";
import { signInRole } from "../support/api-session";
import { DEMO_ROLES, E2E, storageStatePath } from "../support/e2e-env";

for (const role of DEMO_ROLES) {
  setup(`sign in as ${role}`, async () => {
    mkdirSync(E2E.authDir, { recursive: true });
    const ctx = await signInRole(role);
    await ctx.storageState({ path: storageStatePath(role) });
    await ctx.dispose();
  });
}
